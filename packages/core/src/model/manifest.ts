import { z } from 'zod';
import { dateField, field, idField, refField, Text, textField } from './field.js';
import { Approval } from './approval.js';
import { FaultsPolicy } from './fault.js';
import { RiskSchemeInput } from './risk-scheme.js';
import { selectorPatternProblem } from './selector.js';

export const Cso = z
  .strictObject({
    name: textField('Name of the Clinical Safety Officer.', 'Dr Asha Patel'),
    registration: z
      .strictObject({
        body: field(
          Text,
          'Professional register the CSO is on (GMC, NMC, HCPC, GPhC, GDC…).',
          'GMC',
        ),
        number: field(Text, 'Registration number on that register.', '7012345'),
      })
      .meta({ description: 'Professional registration: a CSO must be a registered clinician.' }),
    organisation: refField('Organisation the CSO acts for.', 'org-icb').optional(),
    email: field(z.string().min(3), 'Contact address.', 'cso@example.nhs.uk').optional(),
  })
  .meta({ description: 'The Clinical Safety Officer who approves this hazard log and the safety case.' });

export const ReviewPolicy = z
  .strictObject({
    hazardReviewMonths: field(
      z.number().int().min(1).max(60),
      'Months after its last review by which every hazard must be reviewed again, unless it names its own next review date.',
      12,
    ).optional(),
    acceptanceNoticeDays: field(
      z.number().int().min(0).max(365),
      'Days before an acceptance\'s `until` date from which validate warns that it is ending (CRR-W071). 60 if not given.',
      60,
    ).optional(),
    evidenceWarningDays: field(
      z.number().int().min(0).max(365),
      'Reserved: days before evidence expires at which reports start to flag it.',
      30,
    ).optional(),
  })
  .meta({ description: 'How often the register is reviewed.' });

/**
 * How a vendor numbers its release trains, when not major.minor (see analysis/software-train.ts):
 * either how many leading numbers make a train, or the trains themselves as wildcard patterns,
 * the same patterns a hazard's selector uses, so a hazard selecting one covers that train.
 */
const TrainPattern = z.string().regex(/\S/, 'Write a pattern such as `MX 18.1*`.').superRefine((p, ctx) => {
  const problem = selectorPatternProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: `the train pattern ${problem}` });
});
const SoftwareTrainPolicy = field(
  z.record(
    Text,
    z.union([
      z.number().int().min(1).max(4).meta({ description: 'How many leading numbers of the version make a train: 1 puts `9.16.4` on train `9`.' }),
      z.array(TrainPattern).min(1).max(50).meta({ description: 'The trains, as wildcard patterns (`MX 18.1*`), tried in order; a train is named by its pattern without the trailing `*`. A version no pattern matches is on its major.minor train.' }),
    ]),
  ),
  'Per vendor (as written in assets\' `vendor`, ignoring case), how its software versions make release trains, for vendors not numbered major.minor (the default: `FortiOS 7.2.5` is on train `FortiOS 7.2`). Meraki numbered MX 18 builds `18.1xx` and `18.2xx` for its 18.1 and 18.2 trains.',
  { 'Cisco Meraki': ['MX 18.1*', 'MX 18.2*'], Microsoft: 1 },
);

const guard = (description: string) => field(z.boolean(), description, true).optional();

/** How changes to the register are gated in CI (`crr diff`): every guard is on unless switched off. */
export const Policy = z
  .strictObject({
    guards: z
      .strictObject({
        'deleted-open-hazard': guard('Fail when an open or transferred hazard is deleted instead of closed.'),
        'residual-raised-without-acceptance': guard('Fail when a residual rating rises without a new acceptance of the hazard.'),
        'control-removed-without-replacement': guard('Fail when a control is removed from an open hazard and no control is added to it.'),
        'uncovered-failure-point': guard('Fail when a change makes an asset a failure point for a clinical service and no hazard names it.'),
        'uncovered-capacity-shortfall': guard('Fail when a change pushes an asset over its capacity at peak or when one member of its redundancy group fails (N-1), or makes that shortfall larger, and no hazard names the overloaded asset.'),
        'scenario-past-tolerance': guard('Fail when a change pushes a named scenario past its tolerance (the base\'s), or adds a scenario already past its own.'),
      })
      .meta({ description: 'The guards `crr diff` applies to a change; set one to `false` to switch it off.' })
      .optional(),
    siteUrl: field(z.string().regex(/^https?:\/\/\S+$/, 'A web address starting with https://.'), 'Where the register\'s report site is published, for links in change reports.', 'https://example.nhs.uk/registers/kent/').optional(),
    capacityWarning: field(
      // At least 1: a fraction (0.8) is the likely slip, and would warn at almost no load.
      z.number().min(1).max(100),
      'A percentage of capacity, from 1 to 100 (not a fraction): a capacity-limited asset whose peak load is at or above this share of its limit is shown as a warning in the report. 80 (the default) makes a concentrator with a limit of 30 tunnels a warning from 24 tunnels.',
      80,
    ).optional(),
    trains: SoftwareTrainPolicy.optional(),
  })
  .meta({ description: 'Change control for the register: guards for `crr diff`, where its site is published, the capacity warning threshold of its report, and how its vendors number software trains.' });
export type Policy = z.infer<typeof Policy>;

/** The two NHS clinical risk management standards: a manufacturer's (DCB0129) and a deployer's (DCB0160). */
export const standards = ['DCB0129', 'DCB0160'] as const;
export type Standard = (typeof standards)[number];

export const UserGroup = z
  .strictObject({
    role: textField('Who they are, by role.', 'GP and practice nurse'),
    count: field(z.number().int().min(0), 'About how many there are.', 1400).optional(),
    use: field(Text, 'What they use the system for.', 'Consultations, prescribing and reading results').optional(),
  })
  .meta({ description: 'One group of the system\'s intended users.' });

export const Participant = z
  .strictObject({
    name: textField('Name.', 'Priya Shah'),
    role: textField('Role in the assessment, and their job.', 'Network architect, South East CSU'),
  })
  .meta({ description: 'Someone who took part in the hazard assessment.' });

export const Terms = z
  .strictObject({
    severity: field(Text, 'The scheme\'s word for severity, as the hazard log uses it.', 'consequence').optional(),
    likelihood: field(Text, 'The scheme\'s word for likelihood.', 'probability').optional(),
  })
  .meta({ description: 'The risk scheme\'s own words for severity and likelihood, when the Clinical Risk Management Plan uses others (DCB0129 logs often say "consequence"). Reports use them in headings and tables.' });

export const Manifest = z
  .strictObject({
    id: idField('Short id of this register.', 'example-icb'),
    title: textField('Title of the hazard log.', 'Example ICB GP IT infrastructure hazard log'),
    version: field(Text, 'Version of the register; every approved change gets a new one.', '1.4.0'),
    standard: field(
      z.enum(standards),
      'The standard the register is kept under: DCB0129 for a manufacturer\'s hazard log of its product, DCB0160 for a deploying organisation\'s (the default). The safety case\'s wording follows it.',
      'DCB0160',
    ).optional(),
    organisation: refField('The organisation that owns this register: the deploying organisation (DCB0160) or the manufacturer (DCB0129).', 'org-icb'),
    purpose: field(Text, 'What the safety case is for: the question it answers.', 'To show that the clinical risks of the network under GP clinical systems are identified, assessed and controlled.').optional(),
    scope: field(Text, 'What the register covers.', 'Network and hosting infrastructure under GP clinical systems').optional(),
    intendedUse: field(Text, 'The system\'s intended use, and what it is not for.', 'Carries practice traffic to hosted clinical systems; not for patient-facing services.').optional(),
    users: field(z.array(UserGroup).min(1), 'The intended users, by role and number.', [{ role: 'GP and practice nurse', count: 1400 }]).optional(),
    assessment: field(z.array(Participant).min(1), 'Who took part in the hazard assessment.', [{ name: 'Priya Shah', role: 'Network architect, South East CSU' }]).optional(),
    safetyStatement: field(
      Text,
      'The Clinical Safety Officer\'s own summary safety statement: their judgement of the clinical safety position, in their words. The safety case prints it as section 9.',
      'The residual risks are acceptable for go-live on the conditions in section 6.',
    ).optional(),
    terms: Terms.optional(),
    lifecyclePhase: field(
      Text,
      'Lifecycle phase the safety case addresses (deployment, use, maintenance, decommissioning).',
      'live service and maintenance',
    ).optional(),
    cso: Cso,
    approved: dateField(
      'Date the CSO approved this version: the older form, without who or which content. Still read (the pages show it when there are no `approvals`); prefer `approvals`.',
      '2026-06-01',
    ).optional(),
    approvals: field(
      z.array(Approval).max(1000),
      'The CSO\'s approvals of the register\'s versions, in date order: the version history. The latest is the approval in force; validate warns (CRR-W077) when the register has changed since.',
      [{ version: '2.1.0', fingerprint: '3f9a1c0e7b2d4a65', by: 'Dr Asha Patel', role: 'Clinical Safety Officer', date: '2026-11-04', comment: 'November review.' }],
    ).optional(),
    riskScheme: RiskSchemeInput.optional(),
    reviewPolicy: ReviewPolicy.optional(),
    policy: Policy.optional(),
    faults: FaultsPolicy.optional(),
  })
  .meta({ description: 'The register itself: title, owner, CSO, risk scheme and review policy. Exactly one per register.' });
export type Manifest = z.infer<typeof Manifest>;
