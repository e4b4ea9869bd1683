/**
 * Folder mode: `crr diff <base-folder> <head-folder>` on two plain folders (no git) says exactly
 * what `crr diff <base> <head> <dir>` says of the same registers committed as two revisions.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAcceptance, diff, git, HAZARDS, INFRA, lowerResidual, makeRepo, parse, tripAll, useScratch, type Repo } from './helpers.js';

const scratch = useScratch('folders');
let n = 0;

/**
 * The same change twice: committed in a repository (branches `before` and `after`), and as two
 * plain folders `before` and `after` in a folder outside any repository.
 */
function both(prepare: (r: Repo) => void, change: (r: Repo) => void): { repo: Repo; plain: string } {
  const repo = makeRepo(scratch, prepare);
  const plain = join(scratch, `plain-${++n}`);
  mkdirSync(plain);
  cpSync(repo.reg, join(plain, 'before'), { recursive: true });
  change(repo);
  repo.commit();
  cpSync(repo.reg, join(plain, 'after'), { recursive: true });
  git(repo.dir, 'branch', 'before', 'base');
  git(repo.dir, 'branch', 'after', 'HEAD');
  return { repo, plain };
}

/** Every guard, a stale acceptance, a covered failure point, expired evidence: most of the JSON has something in it. */
const rich = () =>
  both(
    (b) => {
      lowerResidual(b);
      addAcceptance(b, 'ACC-002', 'HAZ-003');
    },
    (r) => {
      tripAll(r);
      r.edit(INFRA, 'parent: G99003, profile: kpsn-emis }', 'parent: G99003, profile: kpsn-emis, bindings: { concentrator: vpn-a } }');
      r.edit(HAZARDS, 'description: Patients cannot reach the practice by phone when the broadband line fails.', 'description: Patients cannot reach the practice by phone.');
      r.edit(HAZARDS, 'date: 2026-03-15, expires: 2027-03-15 }', 'date: 2026-03-15, expires: 2026-11-20 }');
      // Onto vpn-a's train (9.16): the pair's common cause is then named by the train, not the model.
      r.edit(INFRA, 'software: "9.18.2"', 'software: "9.16.7"');
      r.edit(INFRA, 'listSize: 6100', 'listSize: 6600');
    },
  );

describe('two register folders', () => {
  it('give the same JSON, byte for byte, as the same registers committed as two revisions', async () => {
    const { repo, plain } = rich();
    const folders = await diff(plain, ['before', 'after', '--format', 'json']);
    const revisions = await diff(repo.dir, ['before', 'after', 'reg', '--format', 'json']);
    expect(folders.stderr).toBe('');
    expect(revisions.stderr).toBe('');
    expect(folders.code).toBe(1);
    expect(revisions.code).toBe(1);
    const out = parse(folders.stdout);
    // Something in every section, so that the comparison means something.
    expect(out.guards.filter((g) => g.findings.length).map((g) => g.code)).toEqual(['CRR-G001', 'CRR-G002', 'CRR-G003', 'CRR-G004']);
    expect(out.acceptances.noLongerHold.map((a) => a.acceptance)).toEqual(['ACC-002']);
    expect(out.controls.evidenceExpired.map((c) => c.control)).toEqual(['CTL-BCP-01']);
    expect(out.failurePoints.gained.map((f) => f.asset)).toEqual(['vpn-b', 'vpn-a']);
    expect(out.commonCauses.gained.length + out.commonCauses.lost.length).toBeGreaterThan(0);
    expect(out.reach.length).toBeGreaterThan(0);
    expect(out.validation.head.warnings).toBeGreaterThan(0);
    expect(out.base.label).toBe('before');
    expect(out.head.label).toBe('after');
    expect(folders.stdout).toBe(revisions.stdout);
  });

  it('give the same markdown, and the same exit code for a change that passes', async () => {
    const { repo, plain } = both(
      () => undefined,
      (r) => r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }'),
    );
    const folders = await diff(plain, ['before', 'after']);
    const revisions = await diff(repo.dir, ['before', 'after', 'reg']);
    expect(folders.code).toBe(0);
    expect(revisions.code).toBe(0);
    expect(folders.stdout).toBe(revisions.stdout);
    expect(folders.stdout).toContain('| HAZ\\-001 Clinicians cannot open the patient record during consultations | residual | 3 | ▼ 2 |');
  });

  it('place annotations in the head folder', async () => {
    const { plain } = rich();
    const run = await diff(plain, ['before', 'after', '--format', 'github']);
    const files = [...run.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^after\/[a-z-]+\.yaml$/);
  });

  // The base's template, as the base's policy: the change under review cannot choose its own comment.
  it("use the base folder's own markdown template, not the head's", async () => {
    const { plain } = rich();
    mkdirSync(join(plain, 'before/.crr'));
    writeFileSync(join(plain, 'before/.crr/diff.md.hbs'), '{{#each guards}}{{{code}}} {{/each}}\n');
    mkdirSync(join(plain, 'after/.crr'));
    writeFileSync(join(plain, 'after/.crr/diff.md.hbs'), 'The head says all is well.\n');
    const run = await diff(plain, ['before', 'after']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('CRR\\-G001 CRR\\-G002 CRR\\-G003 CRR\\-G004\n');
  });

  it('refuse a base folder whose register does not validate (exit 2)', async () => {
    const { plain } = both(
      () => undefined,
      () => undefined,
    );
    writeFileSync(join(plain, 'before/extra.yaml'), 'hazards:\n  - id: HAZ-001\n    title: A duplicate\n');
    const run = await diff(plain, ['before', 'after']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^crr: The register at before \(the base\) has \d+ validation errors?, so changes cannot be measured against it\./);
  });

  it('are read as revisions when a folder in the repository is named too', async () => {
    const { repo } = rich();
    // `before` and `after` are branches here, not folders: the three-argument form reads revisions.
    mkdirSync(join(repo.dir, 'before'));
    mkdirSync(join(repo.dir, 'after'));
    const run = await diff(repo.dir, ['before', 'after', 'reg', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(parse(run.stdout).base.label).toBe('before');
  });
});
