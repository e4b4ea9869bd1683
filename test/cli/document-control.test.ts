/**
 * Document control in a real build: a register committed with an approval of its content, then
 * changed and committed again, builds a site whose overview and safety case say it changed since
 * the approval and list what changed, read from the repository's history (real git, in a
 * temporary folder, as the `crr diff` suites do). Without git, or when the approved content is in
 * no commit, the pages say so in one line.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFingerprint, findApprovedRevision, validateFolder, validateRead } from '@crr/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, edit, git, makeRepo, repoState, useScratch, VALID, type Repo } from '../diff/helpers.js';
import { runCli } from '../support/run-cli.js';

const scratch = useScratch('document-control');

/** The approval the CSO recorded: of `fingerprint`, on the valid fixture's `approved` date. */
const approval = (fingerprint: string) =>
  `  approvals:\n    - { version: 2.1.0, fingerprint: "${fingerprint}", by: Dr Asha Patel, role: Clinical Safety Officer, date: 2026-10-01, comment: Annual review. }\n  reviewPolicy:`;

/** Build `reg` of the repository into `out` and return the overview's and the safety case's HTML. */
async function build(cwd: string, reg: string, out: string): Promise<{ overview: string; safetyCase: string }> {
  const r = await runCli(['build', reg, '--out', out, '--no-search', '--as-of', AS_OF], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return { overview: readFileSync(join(cwd, out, 'index.html'), 'utf8'), safetyCase: readFileSync(join(cwd, out, 'safety-case', 'index.html'), 'utf8') };
}

/** The document-control block's text, tags stripped, spaces collapsed. */
function block(html: string): string {
  const start = html.indexOf('<div class="crr-document-control" id="document-control">');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</table>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

let approvedFingerprint: string;

beforeAll(async () => {
  approvedFingerprint = contentFingerprint((await validateFolder(VALID, { asOf: AS_OF })).register);
});

describe('a register changed since its approval, in a git repository', () => {
  let repo: Repo;
  let approvedCommit: string;
  beforeAll(() => {
    repo = makeRepo(scratch, (r) => r.edit('register.yaml', '  reviewPolicy:', approval(approvedFingerprint)));
    approvedCommit = repo.git('rev-parse', 'HEAD');
    // A comment-only commit keeps the approved content: it is the newest commit that has it.
    repo.edit('hazard-log.yaml', /^/, '# Reviewed.\n');
    approvedCommit = repo.commit('comment only');
    repo.edit('hazard-log.yaml', 'owner: ICB digital team', 'owner: CSU network team');
    repo.commit('HAZ-001 moves to the CSU');
  });

  it('says so on the overview and in the safety case, and lists the change from git', async () => {
    const before = repoState(repo.dir);
    const { overview, safetyCase } = await build(repo.dir, 'reg', '../site-changed');
    expect(repoState(repo.dir)).toEqual(before);
    for (const html of [overview, safetyCase]) {
      const text = block(html);
      expect(text).toContain('Version approved 2.1.0');
      expect(text).toContain('Approved by Dr Asha Patel, Clinical Safety Officer');
      expect(text).toContain(`Content approved ${approvedFingerprint}`);
      expect(text).toContain('Changed since approval');
      expect(text).toContain(`The approved content is that of commit ${approvedCommit.slice(0, 12)} (2026-11-01). Changed since:`);
      expect(text).toContain('Hazard HAZ-001 changed: owner. ( HAZ-001 )');
      expect(text).toContain('Parts of the register changed: hazards.');
      // The version history, from the approvals.
      expect(text).toMatch(/Version history \(1 approval\).*2\.1\.0 Dr Asha Patel, Clinical Safety Officer 1 October 2026 [0-9a-f]{16} Annual review\./);
      expect(html).toMatch(/<a href="(\.\.\/)?hazards\/HAZ-001\/index\.html">HAZ-001<\/a>/);
    }
    // One include each: the overview's heading is an h2, the safety case's an h3 in its section 11.
    expect(overview).toContain('<h2 id="document-control-heading">Document control</h2>');
    expect(safetyCase).toContain('<h3 id="document-control-heading">Document control</h3>');
  });

  it('finds only what the bound lets it read, and says the search stopped there', async () => {
    const load = (read: Parameters<typeof validateRead>[0]) => contentFingerprint(validateRead(read, { asOf: AS_OF, rules: [] }).register);
    const found = await findApprovedRevision({ cwd: repo.reg, folder: '.', isApproved: (read) => load(read) === approvedFingerprint });
    expect(found).toMatchObject({ kind: 'found', commit: approvedCommit, date: '2026-11-01' });
    const bounded = await findApprovedRevision({ cwd: repo.reg, folder: '.', limit: 1, isApproved: (read) => load(read) === approvedFingerprint });
    expect(bounded).toEqual({ kind: 'not-found', searched: 1, limit: 1, shallow: false });
  });

  it('shows no changes when the register is the content approved', async () => {
    const same = makeRepo(scratch, (r) => r.edit('register.yaml', '  reviewPolicy:', approval(approvedFingerprint)));
    const { overview } = await build(same.dir, 'reg', '../site-same');
    const text = block(overview);
    expect(text).toContain('The content approved');
    expect(text).not.toContain('Changed since approval');
  });

  it('says in one line when the approved content is in no commit', async () => {
    const never = makeRepo(scratch, (r) => r.edit('register.yaml', '  reviewPolicy:', approval('0123456789abcdef')));
    git(never.dir, 'commit', '-q', '--allow-empty', '-m', 'unrelated');
    const text = block((await build(never.dir, 'reg', '../site-never')).overview);
    expect(text).toContain('What changed since cannot be listed: the approved content is not in the one commit that changed the register.');
  });
});

describe('a register changed since its approval, outside git', () => {
  it('says in one line that the register is not in a git repository', async () => {
    const dir = join(scratch, 'no-git');
    cpSync(VALID, join(dir, 'reg'), { recursive: true });
    edit(join(dir, 'reg', 'register.yaml'), '  reviewPolicy:', approval('0123456789abcdef'));
    const { overview, safetyCase } = await build(dir, 'reg', 'site');
    for (const html of [overview, safetyCase]) {
      expect(block(html)).toContain('Changed since approval');
      expect(block(html)).toContain('What changed since cannot be listed: the register is not in a git repository.');
    }
  });
});
