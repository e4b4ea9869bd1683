/**
 * Loaded into the real `crr` binary with `node --import` by the promises test: records every
 * file crr opens, reads, lists or writes, every network connection or name lookup it tries and
 * every process it starts, one JSON line each, to the file named by CRR_AUDIT_LOG. It changes
 * nothing crr does; it only watches, so the test can hold crr to what docs/security.md promises.
 */
import childProcess from 'node:child_process';
import dns from 'node:dns';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const logFile = process.env.CRR_AUDIT_LOG;
const append = fs.appendFileSync;

let recording = false;

function record(kind, what) {
  // Node's own fs functions call each other (appendFileSync calls writeFileSync): record the
  // outermost call only, and never the log's own writes.
  if (!logFile || recording) return;
  let text;
  if (what instanceof URL) text = what.pathname;
  else if (Buffer.isBuffer(what)) text = what.toString();
  else if (typeof what === 'number') return; // a file descriptor: its open was recorded
  else text = String(what);
  recording = true;
  try {
    append.call(fs, logFile, JSON.stringify([kind, text, process.env.CRR_AUDIT_STACK ? new Error().stack?.split('\n').slice(3, 12).map((l) => l.trim()).join(' < ') : '']) + '\n');
  } finally {
    recording = false;
  }
}

/** Open flags that can change a file. */
const writes = (flags) =>
  typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0 : /[wa+]/.test(String(flags ?? 'r'));

function watch(target, name, kindOf) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) {
    if (recording) return original.apply(this, args);
    try {
      for (const [kind, what] of kindOf(args)) record(kind, what);
    } catch {
      // Watching must never change what crr does.
    }
    recording = true;
    try {
      return original.apply(this, args);
    } finally {
      recording = false;
    }
  };
}

const read = (args) => [['read', args[0]]];
const write = (args) => [['write', args[0]]];
const copy = (args) => [['read', args[0]], ['write', args[1]]];
const move = (args) => [['write', args[0]], ['write', args[1]]];
const link = (args) => [['write', args[1]]];
const open = (args) => [[writes(args[1]) ? 'write' : 'read', args[0]]];

for (const target of [fs, fs.promises]) {
  for (const name of ['readFile', 'readFileSync', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'createReadStream']) watch(target, name, read);
  for (const name of ['open', 'openSync']) watch(target, name, open);
  for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'createWriteStream', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync', 'mkdtemp', 'mkdtempSync'])
    watch(target, name, write);
  for (const name of ['copyFile', 'copyFileSync', 'cp', 'cpSync']) watch(target, name, copy);
  for (const name of ['rename', 'renameSync']) watch(target, name, move);
  for (const name of ['symlink', 'symlinkSync', 'link', 'linkSync']) watch(target, name, link);
}
watch(fs, 'appendFileSync', write);

watch(net.Socket.prototype, 'connect', (args) => [['connect', JSON.stringify(args[0] ?? null)]]);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) watch(dns, name, (args) => [['lookup', args[0]]]);
if (typeof globalThis.fetch === 'function') {
  const original = globalThis.fetch;
  globalThis.fetch = (...args) => {
    record('fetch', String(args[0]));
    return original(...args);
  };
}
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) watch(childProcess, name, (args) => [['spawn', args[0]]]);

syncBuiltinESMExports();
