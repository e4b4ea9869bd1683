// Measurement wrapper, run in a fresh Node process per measurement:
//
//   node test/bench/wrap.mjs <result.json> <script.js> [args...]
//
// Runs <script.js> as if it were the main program (process.argv as `node script args...`), and at
// exit writes { wallMs, scriptMs, cpuMs, maxRssMB, exitCode } to <result.json>, a channel separate from
// the script's own stdout and stderr. wallMs is since the process started (performance.timeOrigin),
// so it includes Node's own start-up, as a user running the command would see; scriptMs is from
// the wrapper's first line. maxRSS is the peak resident set size of the whole process.
//
// Plain JavaScript, not TypeScript, so that no loader (tsx) runs in the measured process.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const started = performance.now();
const [resultFile, script, ...args] = process.argv.slice(2);
if (!resultFile || !script) {
  process.stderr.write('usage: node wrap.mjs <result.json> <script.js> [args...]\n');
  process.exit(2);
}

process.on('exit', (code) => {
  const now = performance.now();
  const usage = process.resourceUsage();
  writeFileSync(
    resultFile,
    JSON.stringify({
      wallMs: now,
      scriptMs: now - started,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, // microseconds; all threads, GC helpers included
      maxRssMB: usage.maxRSS / 1024, // maxRSS is in kilobytes
      exitCode: code,
    }),
  );
});

process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
