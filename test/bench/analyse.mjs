// The analysis phase alone: load and validate the register with the compiled core (not timed),
// then time `analyse()`. Prints { assets, routes, findings, analyseMs } as JSON on stdout.
//
//   node test/bench/analyse.mjs <register dir> <as-of>
import { fileURLToPath } from 'node:url';

const [dir, asOf] = process.argv.slice(2);
if (!dir || !asOf) {
  process.stderr.write('usage: node analyse.mjs <register dir> <as-of>\n');
  process.exit(2);
}
const core = await import(fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url)));
const { register, diagnostics } = await core.validateFolder(dir, { asOf });
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const started = performance.now();
const analysis = core.analyse(register, { asOf });
const analyseMs = performance.now() - started;
process.stdout.write(JSON.stringify({ errors, assets: analysis.summary.assets, routes: analysis.summary.routes, findings: analysis.findings.length, analyseMs }) + '\n');
