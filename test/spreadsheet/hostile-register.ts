import { MINIMAL_MANIFEST } from '../support/temp-register.js';

/**
 * A small register whose texts try every trick a spreadsheet falls for: formulas at the start of
 * a cell, commas, quotes and line breaks, backslashes and the list conventions' own brackets,
 * non-ASCII text, and nested fields (causes with selectors, actions, closure, transfer).
 */
export const HOSTILE_REGISTER = {
  'register.yaml': `${MINIMAL_MANIFEST}  - { id: org-emis, type: supplier, name: "EMIS, \\"Health\\"" }
services:
  - { id: patient-record, name: Patient record }
controls:
  - id: CTL-1
    title: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
    kind: business-process
    status: verified
    owner: "+44 ICB, \\"digital\\" team"
    evidence:
      - { description: "Exercise; [tabletop]", date: 2026-05-20, reference: "DOC\\\\7" }
  - id: CTL-2
    title: Second concentrator
    kind: design
    status: implemented
    owner: CSU
hazards:
  - id: HAZ-001
    title: "=1+1"
    description: |-
      First line, with a comma
      "Quoted" second line
      -third line; back\\slash and [brackets]
    services: [patient-record]
    causes:
      - description: "Firmware [MX] defect\\nacross lines"
        select: { vendor: "Cisco; Meraki]", software: "MX 18.*" }
      - description: "@cause ends like details [owner: x]"
    effects: ["+1 effect, with a comma", "Line\\nbreak"]
    harms: ["-harm", "Naïve café — ünïcode ✓"]
    existingControls: [CTL-1]
    additionalControls: [CTL-2]
    initialRisk: { severity: major, likelihood: medium }
    residualRisk: { severity: major, likelihood: low }
    justification: "'already quoted, \\"and\\" quoted"
    status: open
    owner: "\\tTabbed owner"
    raised: 2026-01-20
    reviewed: 2026-05-14
    actions:
      - { description: "Upgrade; [now]", owner: "CSU; network", due: 2026-12-01 }
  - id: HAZ-002
    title: Transferred hazard
    description: Plain.
    causes: [{ description: Supplier defect. }]
    effects: [Delay]
    harms: [Harm]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: very low }
    existingControls: [CTL-1]
    status: transferred
    owner: ICB
    raised: 2026-02-01
    nextReview: 2027-02-01
    transfer: { from: org-emis, date: 2026-03-02, controls: [CTL-1], reference: "  CSCR, §7  " }
acceptances:
  - { id: ACC-1, hazard: HAZ-001, acceptedBy: "Dr O'Neil", role: CMO, date: 2026-06-03 }
  - { id: ACC-2, hazard: HAZ-002, acceptedBy: "=cmd|' /C calc'!A0", role: "CMO, ICB", date: 2026-06-04, until: 2027-06-03 }
`,
};
