import { runCli } from '../support/run-cli.js';
import { tempRegister, MINIMAL_MANIFEST } from '../support/temp-register.js';
const M = MINIMAL_MANIFEST;
const H = `hazards:
  - id: HAZ-001
    title: Clinicians cannot open the patient record
    description: Practices lose the VPN path to the clinical system.
    causes:
      - description: The VPN concentrator fails.
    effects: [Consultations without the medical history]
    harms: [Delayed diagnosis]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: low }
    status: open
    owner: ICB digital team
    raised: 2026-01-20
    reviewed: 2026-05-14
`;
const cases: Record<string, Record<string, string>> = {
  valid: { 'register.yaml': M, 'h.yaml': H },
  badid: { 'register.yaml': M, 's.yaml': 'services:\n  - { id: "bad id!", name: X }\n' },
  ctl: { 'register.yaml': M, 's.yaml': 'controls:\n  - id: CTL-1\n    title: T\n    kind: design\n    owner: O\n' },
  multidoc: { 'register.yaml': M, 'm.yaml': 'services: []\n---\nsites: []\n' },
  dashdash: { 'register.yaml': M, 'm.yaml': '---\n# hazards go here\n' },
};
for (const [name, files] of Object.entries(cases)) {
  const { dir, cleanup } = tempRegister(files);
  const r = await runCli(['validate', dir, '--format', 'json']);
  console.log(`=== ${name} exit ${r.code}\n${JSON.stringify(JSON.parse(r.stdout).diagnostics, null, 1)}\nSTDERR:${r.stderr}`);
  cleanup();
}
