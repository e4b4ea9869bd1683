import type { AssetType } from '../model/asset.js';

/**
 * A way an asset of one type is known to fail: the starting point of hazard identification. The
 * question it answers is the one the April 2026 outage raised: was the infrastructure under the
 * clinical systems looked at with the same care as the systems? For every asset type the register
 * has, each known fault is either named by a hazard's cause (`fault:`), marked not applicable with
 * a reason, or reported as a gap (analysis/fault-gaps.ts).
 */
export interface Fault {
  /** Permanent id: never renamed or reused, because causes name it. */
  id: string;
  /** The asset type it happens to. */
  assetType: AssetType;
  /** A few words, for a column heading. */
  title: string;
  /** What goes wrong, and how it has been seen to. */
  description: string;
  /** A hazard wording the CSO might start from: the unsafe situation, in clinical terms. */
  hazard: string;
  /** Where the fault comes from: crr's own catalogue, or the register's `faults.add`. */
  origin: 'catalogue' | 'register';
}

const f = (assetType: AssetType, id: string, title: string, description: string, hazard: string): Fault =>
  Object.freeze({ id, assetType, title, description, hazard, origin: 'catalogue' as const });

/**
 * crr's fault catalogue, by asset type, in the order a review walks them: the path from the
 * practice's edge to the clinical system. `router`, `switch` and the rest have fewer entries
 * because less is published about how they fail in GP IT; `other` has none, since nothing is
 * known of an asset the model cannot name. A register adds its own (`faults.add` in the manifest).
 */
export const FAULT_CATALOGUE: readonly Fault[] = Object.freeze([
  f('firewall', 'firewall-firmware-defect', 'Firmware defect',
    'A defect in the firewall\'s firmware drops or stalls tunnels and sessions; every device on the same release train can be hit, at different times (April 2026: Cisco Meraki MX).',
    'Practices lose access to hosted clinical systems, intermittently and at different times, because of a defect in their firewalls\' firmware'),
  f('firewall', 'firewall-cloud-management', 'Loss of the vendor\'s cloud or management plane',
    'The vendor\'s cloud dashboard or management plane is unreachable or fails: configuration cannot be changed, and on some platforms licensing, VPN peer lists or device authentication stop working.',
    'Practices cannot be reconnected or reconfigured during an outage because the firewall vendor\'s management plane is down'),
  f('firewall', 'firewall-config-push', 'Bad configuration push',
    'A configuration change pushed centrally (rules, VPN peers, templates) is wrong and reaches every firewall it is applied to at once.',
    'Practices lose access to clinical systems at once because a wrong configuration was pushed to their firewalls'),
  f('firewall', 'firewall-certificate-licence-expiry', 'Certificate or licence expiry',
    'A device certificate, VPN certificate or subscription licence expires; the firewall stops passing traffic or stops building tunnels on the expiry date.',
    'Practices lose access to clinical systems on the day a firewall certificate or licence expires'),
  f('firewall', 'firewall-hardware', 'Hardware failure',
    'The device itself fails (power supply, storage, board); the site is cut off until it is replaced.',
    'A practice is cut off from its clinical systems until its failed firewall is replaced'),
  f('firewall', 'firewall-throughput', 'Throughput limit',
    'Traffic (or encrypted traffic, or sessions) exceeds what the model can carry; performance collapses at peak.',
    'Clinical systems are too slow to use at peak because the practice firewall cannot carry the traffic'),

  f('network-link', 'link-cut', 'Cable or fibre cut',
    'The physical circuit is cut (street works, a cable fault, a fire in an exchange); links through the same duct or exchange fail together.',
    'Practices are cut off from their clinical systems by a cut to the cable or fibre their link runs over'),
  f('network-link', 'link-carrier-outage', 'Carrier outage',
    'The carrier\'s network fails beyond the practice\'s own circuit (core, routing, a software defect); every link on that carrier can be hit (January 2026).',
    'Many practices lose their network links at once because their carrier\'s network fails'),
  f('network-link', 'link-planned-maintenance', 'Planned maintenance',
    'The carrier or network operator takes the link down for planned work, announced or not to the practice, in or near surgery hours.',
    'A practice loses its clinical systems during the network operator\'s planned maintenance'),
  f('network-link', 'link-saturation', 'Saturation',
    'The link\'s bandwidth is used up (updates, video, backups) and clinical traffic queues or times out.',
    'Clinical systems are too slow to use because the practice\'s link is saturated'),

  f('vpn-concentrator', 'vpn-capacity', 'Out of capacity',
    'The concentrator runs out of tunnels, sessions or throughput at peak; new tunnels are refused and existing ones drop (April 2026, early mornings).',
    'Practices lose access to clinical systems at peak because the VPN concentrator runs out of capacity'),
  f('vpn-concentrator', 'vpn-software-defect', 'Software defect',
    'A defect in the concentrator\'s software drops tunnels or stops it; a standby on the same software fails the same way.',
    'Every practice behind the concentrator loses access to clinical systems because of a defect in its software'),
  f('vpn-concentrator', 'vpn-licence', 'Licence limit or expiry',
    'The concentrator\'s licence caps the tunnels or users below the load, or expires.',
    'Practices cannot connect to clinical systems because the VPN concentrator\'s licence is exceeded or has expired'),

  f('router', 'router-software-defect', 'Software defect',
    'A defect in the router\'s software drops routes or sessions; routers on the same release fail the same way.',
    'Sites lose their path to clinical systems because of a router software defect'),
  f('router', 'router-hardware', 'Hardware failure',
    'The router fails; the sites behind it are cut off until it is replaced or traffic is moved.',
    'Sites are cut off from clinical systems by a failed router'),

  f('switch', 'switch-hardware', 'Hardware failure',
    'The switch fails; the devices on it lose the network.',
    'Clinicians lose the network at their desks because a switch has failed'),
  f('switch', 'switch-config-change', 'Configuration error',
    'A configuration change (VLANs, spanning tree) takes the network down or loops it.',
    'The local network stops working because of a switch configuration error'),

  f('data-centre-service', 'dc-power', 'Power loss',
    'The data centre loses mains power and its backup (generator, UPS) fails to take over or runs out.',
    'Every service hosted in the data centre stops because it loses power'),
  f('data-centre-service', 'dc-cooling', 'Cooling failure',
    'Cooling fails; equipment overheats and is shut down to protect it.',
    'Services hosted in the data centre are shut down because its cooling fails'),
  f('data-centre-service', 'dc-network-core', 'Network core failure',
    'The data centre\'s core network (core switches, routing, its carrier links) fails; everything hosted there is unreachable.',
    'Every service in the data centre is unreachable because its core network fails'),

  f('internet-breakout', 'breakout-outage', 'Breakout outage',
    'The internet breakout (its proxies, firewalls or links) fails; cloud clinical services are unreachable from the network.',
    'Practices cannot reach cloud clinical services because the internet breakout fails'),
  f('internet-breakout', 'breakout-filtering', 'Wrong filtering',
    'The web filter or proxy blocks a clinical service by mistake (a recategorised domain, a certificate inspection failure).',
    'Practices cannot reach a cloud clinical service because the web filter blocks it'),

  f('dns', 'dns-resolution-failure', 'Resolution failure',
    'The resolvers stop answering or answer slowly; every service reached by name fails at once.',
    'Practices cannot reach any clinical system by name because DNS resolution fails'),
  f('dns', 'dns-record-error', 'Wrong record',
    'A zone or record change (or an expired domain) sends a service\'s name to the wrong place or nowhere.',
    'Practices cannot reach a clinical system because its DNS record is wrong'),

  f('identity', 'identity-service-outage', 'Identity service outage',
    'The identity service (NHS CIS2, smartcard authentication, single sign-on) is unavailable; users cannot log in to clinical systems.',
    'Clinicians cannot log in to clinical systems because the identity service is down'),
  f('identity', 'identity-certificate-expiry', 'Certificate expiry',
    'A certificate the identity service or its clients depend on expires; authentication fails from that moment.',
    'Clinicians cannot log in to clinical systems because an identity certificate has expired'),

  f('clinical-system', 'clinical-system-supplier-outage', 'Supplier outage',
    'The supplier\'s hosted service is unavailable (its data centre, its network, its operations); every practice on it is hit (January 2026).',
    'Clinicians cannot use the clinical system because the supplier\'s service is down'),
  f('clinical-system', 'clinical-system-release-defect', 'Release defect',
    'A new release of the clinical system has a defect that stops it, slows it or corrupts what it shows.',
    'Clinicians cannot use the clinical system, or see wrong information in it, because of a defect in a new release'),

  f('telephony', 'telephony-supplier-outage', 'Supplier outage',
    'The telephony supplier\'s platform is unavailable; patients cannot reach the practice by phone.',
    'Patients cannot reach their practice by phone because the telephony supplier\'s platform is down'),

  f('power', 'power-mains-loss', 'Mains power loss',
    'The site loses mains power; equipment without backup stops.',
    'A site loses its clinical systems because it loses mains power'),
  f('power', 'power-ups-failure', 'UPS or generator failure',
    'The backup power (UPS batteries, a generator) fails when it is needed.',
    'A site loses its clinical systems because its backup power fails when mains power is lost'),
]);

/** The catalogue's faults and a register's own, by id; a register's fault never replaces crr's. */
export function faultsById(added: readonly Fault[] = []): Map<string, Fault> {
  const byId = new Map<string, Fault>();
  for (const fault of FAULT_CATALOGUE) byId.set(fault.id, fault);
  for (const fault of added) if (!byId.has(fault.id)) byId.set(fault.id, fault);
  return byId;
}
