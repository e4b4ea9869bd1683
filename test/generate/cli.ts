/**
 * Write a generated register to a folder:
 *
 *   pnpm exec tsx test/generate/cli.ts --practices 1600 --out ../reg-1600 [--seed 1] [--force]
 *   pnpm exec tsx test/generate/cli.ts --national --out ../reg-national [--icbs 2 | --icbs QHM,QKS] [--seed 1] [--force]
 *
 * `--national`: every active GP practice in England from ../shared/data/ods-england (see
 * national.ts); `--icbs` keeps the first N ICBs in code order, or the ICBs named.
 *
 * The folder must be empty or new; `--force` first deletes the `.yaml`/`.yml` files already in it
 * (and nothing else), so that a smaller register never inherits a larger one's PCN files.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRegister, writeRegister } from './generate-register.js';
import { generateNational } from './national.js';

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
      national: { type: 'boolean', default: false },
      icbs: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const usage = 'usage: tsx test/generate/cli.ts (--practices N | --national [--icbs N|CODE,CODE]) --out DIR [--seed S] [--force]';
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const practices = Number(values.practices);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const icbs = values.icbs === undefined ? undefined : /^\d+$/.test(values.icbs) ? Number(values.icbs) : values.icbs.split(',').map((c) => c.trim().toUpperCase());
  const badSize = values.national ? values.practices !== undefined || icbs === 0 : !Number.isInteger(practices) || practices < 1 || values.icbs !== undefined;
  if (!values.out || badSize || !Number.isInteger(seed)) {
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
  const national = values.national ? generateNational({ seed, icbs }) : undefined;
  const files = national?.files ?? generateRegister({ practices, seed });
  writeRegister(out, files);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const what = national ? `the national register (${national.practices.toLocaleString('en-GB')} practices in ${national.icbs.length} ICBs)` : `${practices.toLocaleString('en-GB')} practices`;
  console.log(
    `Wrote ${what} (seed ${seed}) to ${out}: ${Object.keys(files).length} files, ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MB, in ${Math.round(performance.now() - started)} ms.`,
  );
  if (national) {
    for (const note of national.notes) console.log(`  ${note}`);
    console.log(`  N-1 shortfall on concentrator pair 01 in ${national.shortfallIcbs.length} ICBs: ${national.shortfallIcbs.join(', ')}.`);
  }
  return 0;
}

process.exitCode = main();
