/**
 * The what-if page's engine: core's failure evaluation bundled by esbuild (pinned in the root
 * package.json) into one classic script. Classic, not a module: a page opened from disk
 * (file://) may run classic scripts from its own folder, never module scripts. Minified, no
 * source map, no banner with a date: the same sources give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

export const ENGINE_ENTRY = fileURLToPath(new URL('../packages/core/src/browser/what-if-engine.ts', import.meta.url));
export const ENGINE_FILE = fileURLToPath(new URL('../site/static/js/what-if-engine.js', import.meta.url));

export async function engineBundle(): Promise<{ text: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [ENGINE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    banner: { js: '/* crr what-if engine: @crr/core bundled by `pnpm gen:engine`; do not edit. */' },
  });
  const meta = result.metafile as Metafile;
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(meta.inputs).sort() };
}

export function committedEngine(): string {
  return readFileSync(ENGINE_FILE, 'utf8');
}
