#!/usr/bin/env node
// The `crr` command. The code lives in ../dist, compiled from ../src by `pnpm install`.
import { processOutput } from '../dist/io.js';
import { main } from '../dist/main.js';

// Output streams that go quiet when their reader has gone (`crr rules | head`), for every command.
const stdout = processOutput(process.stdout);
const stderr = processOutput(process.stderr);

process.exitCode = await main(process.argv.slice(2), { stdout, stderr, cwd: process.cwd(), env: process.env });

// Output lost to anything but a closed pipe (a full disk, a lost terminal) is a run that did not
// do its job: say so where still possible, and exit 2. Checked at exit, after the last flush.
process.on('exit', () => {
  const lost = stdout.failure() ?? stderr.failure();
  if (!lost) return;
  stderr.write(`crr: could not write the output: ${lost.message}.\n  hint: Check the disk, file or terminal it was going to, and run the command again.\n`);
  process.exitCode = 2;
});
