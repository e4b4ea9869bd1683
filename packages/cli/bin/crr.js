#!/usr/bin/env node
// The `crr` command. The code lives in ../dist, compiled from ../src by `pnpm install`.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
