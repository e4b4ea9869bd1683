import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../packages/cli/src/commands/serve.js';
import { runCli } from '../support/run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'crr-build-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('crr build', () => {
  it('builds the example\'s site, shows progress without a line per page, and says where to open it', async () => {
    const out = join(scratch, 'site');
    const r = await runCli(['build', 'registers/example-icb', '--out', out, '--as-of', '2026-11-21', '--no-search'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Built [\d,]+ pages \([\d,]+ files\) into .*site\. Open .*index\.html/);
    const progress = r.stderr.split('\n').filter((l) => l.startsWith('Building the site'));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(5);
    expect(progress.at(-1)).toMatch(/^Building the site: ([\d,]+) of \1 pages, done\.$/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'export', 'register.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'export', 'analysis.json'), 'utf8')).schemaVersion).toBe(2);
    // Building again into its own folder is allowed; the register is untouched.
    expect((await runCli(['build', 'registers/example-icb', '--out', out, '--as-of', '2026-11-21', '--no-search'], { cwd: root })).code).toBe(0);
  }, 120_000);

  it('refuses to write into the register, or to clear a folder it did not build (exit 2)', async () => {
    const reg = join(scratch, 'reg');
    cpSync(join(root, 'test/fixtures/rules/valid'), reg, { recursive: true });
    const inside = await runCli(['build', reg, '--out', join(reg, 'site')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the register folder/);
    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.docx'), 'precious');
    const cleared = await runCli(['build', reg, '--out', foreign]);
    expect(cleared.code).toBe(2);
    expect(cleared.stderr).toMatch(/not empty and was not built by crr/);
    expect(readdirSync(foreign)).toEqual(['thesis.docx']);
  });

  it('builds nothing from a register with errors (exit 1)', async () => {
    const reg = join(scratch, 'broken');
    mkdirSync(reg);
    writeFileSync(join(reg, 'register.yaml'), 'register: { id: x }\n');
    const r = await runCli(['build', reg, '--out', join(scratch, 'never')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('so no site was built');
    expect(existsSync(join(scratch, 'never', 'index.html'))).toBe(false);
  });
});

describe('crr serve', () => {
  it('serves the site on 127.0.0.1 and rebuilds when a register file changes', async () => {
    const reg = join(scratch, 'served');
    cpSync(join(root, 'test/fixtures/rules/valid'), reg, { recursive: true });
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, cwd: root, env: {} };
    const preview = await startPreview({ dir: reg, shownDir: reg, asOf: '2026-11-21', port: 0, io, search: false });
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const before = await (await fetch(preview.url)).text();
      expect(before).toContain('North Downs GP IT infrastructure hazard log');
      const file = join(reg, 'register.yaml');
      const next = preview.nextBuild();
      writeFileSync(file, readFileSync(file, 'utf8').replace('North Downs GP IT infrastructure hazard log', 'Renamed hazard log'));
      expect(await next).toBe('built');
      expect(await (await fetch(preview.url)).text()).toContain('Renamed hazard log');
      // A broken edit reports its errors and keeps the last good site.
      const broken = preview.nextBuild();
      writeFileSync(join(reg, 'oops.yaml'), 'hazards:\n  - { id: HAZ-X }\n');
      expect(await broken).toBe('errors');
      expect(stderr).toContain('Still serving the last site that built.');
      expect(await (await fetch(preview.url)).text()).toContain('Renamed hazard log');
      expect((await fetch(`${preview.url}../../etc/passwd`)).status).toBe(404);
    } finally {
      await preview.close();
    }
  }, 120_000);
});
