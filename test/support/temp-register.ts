import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Write files (path → text or bytes) into a fresh temporary folder; returns it and a cleanup. */
export function tempRegister(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crr-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid manifest plus the organisation it names, to build small registers on. */
export const MINIMAL_MANIFEST = `register:
  id: test
  title: Test register
  version: "1.0"
  organisation: org-icb
  cso:
    name: Dr Test
    registration: { body: GMC, number: "1234567" }
organisations:
  - { id: org-icb, type: icb, name: Test ICB }
`;
