import { z } from 'zod';
import { field, Text } from './field.js';

/**
 * What something needs in order to work. A requirement is one asset (needed), all of a list, any
 * one of a group, or at least k of a group. Members may themselves be groups, so a failover path
 * of several assets is written as `allOf` inside `anyOf`. In profiles, `$name` stands for an
 * asset the site binds or owns locally.
 */
export type RequirementInput =
  | string
  | { allOf: RequirementInput[]; name?: string }
  | { anyOf: RequirementInput[]; name?: string }
  | { atLeast: number; of: RequirementInput[]; name?: string };

const refPattern = /^\$?[A-Za-z0-9][A-Za-z0-9_./-]*$/;

const groupName = field(
  Text,
  'A name for this redundancy group, used in findings and reports.',
  'VPN concentrator pair',
);

export const Requirement: z.ZodType<RequirementInput> = z.lazy(() =>
  z.union([
    field(
      z.string().regex(refPattern, 'An asset id, or `$name` for a profile placeholder.'),
      'An asset that is needed (its failure cuts the route), or `$name` in a profile for the asset a site binds to that name.',
      'vpn-concentrator-b',
    ),
    z
      .strictObject({
        allOf: field(z.array(Requirement).min(1), 'Every one of these is needed.', ['link-kpsn-a', 'vpn-b']),
        name: groupName.optional(),
      })
      .meta({ description: 'All of these are needed: a path made of several parts.' }),
    z
      .strictObject({
        anyOf: field(
          z.array(Requirement).min(1),
          'Any one of these is enough; listed in order of preference (the first carries the load).',
          ['vpn-b', 'vpn-a'],
        ),
        name: groupName.optional(),
      })
      .meta({ description: 'A redundancy group: any one member is enough.' }),
    z
      .strictObject({
        atLeast: field(z.number().int().min(1), 'How many members must work.', 2),
        of: field(z.array(Requirement).min(1), 'The members.', ['dns-1', 'dns-2', 'dns-3']),
        name: groupName.optional(),
      })
      .meta({ description: 'A k-of-n group: at least `atLeast` of the members must work.' }),
  ]).meta({ id: 'Requirement', description: 'An asset id, `$name`, or a group (`allOf`, `anyOf`, `atLeast` + `of`).' }),
);

export const RequirementList = field(
  z.array(Requirement),
  'Requirements, all of which must hold (each is an asset, or a group).',
  ['$firewall', '$link', { anyOf: ['vpn-b', 'vpn-a'] }, 'emis-web'],
);

export const Routes = field(
  z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/), RequirementList),
  'For each clinical service (by id), what access to it needs from this site. Routes differ by service: telephony may bypass the VPN.',
  { 'patient-record': ['$firewall', '$link', 'vpn-b', 'emis-web'], telephony: ['$broadband', 'cloud-telephony'] },
);
