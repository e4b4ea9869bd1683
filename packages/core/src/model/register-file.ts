import { z } from 'zod';
import { Acceptance } from './acceptance.js';
import { Asset } from './asset.js';
import { Control } from './control.js';
import { field } from './field.js';
import { Hazard } from './hazard.js';
import { Incident } from './incident.js';
import { Manifest } from './manifest.js';
import { Organisation } from './organisation.js';
import { Profile } from './profile.js';
import { Scenario } from './scenario.js';
import { Service } from './service.js';
import { Site } from './site.js';

/**
 * The record collections a register file may hold. A register is a folder of such files, split
 * however the author likes; the collections of all files are merged.
 */
export const collections = {
  organisations: Organisation,
  sites: Site,
  services: Service,
  assets: Asset,
  profiles: Profile,
  hazards: Hazard,
  controls: Control,
  incidents: Incident,
  acceptances: Acceptance,
  scenarios: Scenario,
} as const;
export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

/** The singular word for one record of each collection, used in messages. */
export const recordKindOf: Record<CollectionName | 'register', string> = {
  register: 'register manifest',
  organisations: 'organisation',
  sites: 'site',
  services: 'clinical service',
  assets: 'asset',
  profiles: 'profile',
  hazards: 'hazard',
  controls: 'control',
  incidents: 'incident',
  acceptances: 'acceptance',
  scenarios: 'scenario',
};

const list = <T extends z.ZodType>(schema: T, description: string) =>
  field(z.array(schema), description, []).optional();

export const RegisterFile = z
  .strictObject({
    register: Manifest.optional(),
    organisations: list(Organisation, 'Organisations: ICB, PCNs, CSU, suppliers, carriers, manufacturers.'),
    sites: list(Site, 'Sites: practices, branch surgeries, data centres.'),
    services: list(Service, 'Clinical services sites need.'),
    assets: list(Asset, 'Assets shared by many sites (concentrators, data-centre services, clinical systems…).'),
    profiles: list(Profile, 'Shared profiles of routes and local assets.'),
    hazards: list(Hazard, 'The hazard log.'),
    controls: list(Control, 'Controls, shared between hazards.'),
    incidents: list(Incident, 'The incident log.'),
    acceptances: list(Acceptance, 'Acceptances of residual risk.'),
    scenarios: list(Scenario, 'Named what-if scenarios: what fails together, why, and what would be tolerable.'),
  })
  .meta({
    title: 'crr register file',
    description: 'One YAML file of a crr clinical risk register. A register is a folder of these; exactly one holds `register:`.',
  });
export type RegisterFile = z.infer<typeof RegisterFile>;
