// The README's example sessions: real commands on the worked example, run in-process, so the
// README always shows what crr really prints. `pnpm run gen:docs` writes them; a test checks them.
import { fileURLToPath } from 'node:url';
import { main } from '@crr/cli';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each README example: marker name → the command line shown. */
export const examples: Record<string, string[]> = {
  'example-validate': ['validate', 'registers/example-icb', '--as-of', '2026-11-21'],
  'example-analyse': ['analyse', 'registers/example-icb', '--as-of', '2026-11-21', '--top', '1'],
  'example-what-if': ['what-if', 'registers/example-icb', '--fail', 'vpn-a', '--as-of', '2026-11-21'],
  'example-what-if-both': ['what-if', 'registers/example-icb', '--fail', 'vpn-a', '--fail', 'vpn-b', '--as-of', '2026-11-21'],
  'example-what-if-overload': ['what-if', 'registers/example-icb', '--fail', 'vpn-b', '--as-of', '2026-11-21'],
  'example-fingerprint': ['fingerprint', 'registers/example-icb', '--as-of', '2026-11-21'],
};

export async function readmeExamples(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, argv] of Object.entries(examples)) {
    let stdout = '';
    await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: root, env: {} });
    out[name] = '```console\n$ pnpm exec crr ' + argv.map((a) => (/[\s*]/.test(a) ? `"${a}"` : a)).join(' ') + '\n' + stdout + '```\n';
  }
  return out;
}
