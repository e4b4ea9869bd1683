/**
 * Write a generated register to a folder:
 *
 *   pnpm exec tsx test/generate/cli.ts --practices 1600 --out /tmp/reg-1600 [--seed 1] [--force]
 *
 * The folder must be empty or new; `--force` first deletes the `.yaml`/`.yml` files already in it
 * (and nothing else), so that a smaller register never inherits a larger one's PCN files.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRegister, writeRegister } from './generate-register.js';

function yamlFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((p) => /\.ya?ml$/i.test(p)).map((p) => join(dir, p));
}

function main(): number {
  const { values } = parseArgs({
    options: {
      practices: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const usage = 'usage: tsx test/generate/cli.ts --practices N --out DIR [--seed S] [--force]';
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const practices = Number(values.practices);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!values.out || !Number.isInteger(practices) || practices < 1 || !Number.isInteger(seed)) {
    console.error(usage);
    return 2;
  }
  const out = resolve(values.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!values.force) {
      console.error(`${out} is not empty; pass --force to replace the YAML files in it.`);
      return 2;
    }
    for (const file of yamlFilesUnder(out)) rmSync(file);
  }
  const started = performance.now();
  const files = generateRegister({ practices, seed });
  writeRegister(out, files);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(
    `Wrote ${practices.toLocaleString('en-GB')} practices (seed ${seed}) to ${out}: ${Object.keys(files).length} files, ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MB, in ${Math.round(performance.now() - started)} ms.`,
  );
  return 0;
}

process.exitCode = main();
