import { analyseCommand } from './commands/analyse.js';
import { rulesCommand } from './commands/rules.js';
import { whatIfCommand } from './commands/what-if.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { fingerprintCommand } from './commands/fingerprint.js';
import { initCommand } from './commands/init.js';
import { EXIT, UsageError, type Io } from './io.js';
import { helpText, parseArgs } from './options.js';
import { guardedStream, safeLine } from './render/safe-text.js';
import { CLI_VERSION } from './version.js';
import { useCommandPrefix } from './command-prefix.js';

/**
 * Run one crr command and return its exit code. Never throws and never prints a stack trace:
 * a bug in crr itself is reported as one, with a request to report it (set CRR_DEBUG=1 for the trace).
 */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  // Register text is escaped where it is rendered; this guard catches whatever a renderer
  // missed, so no output of crr can drive the reader's terminal (render/safe-text.ts).
  const io: Io = { ...given, stdout: guardedStream(given.stdout), stderr: guardedStream(given.stderr) };
  // Hints name the command as the user ran it (`pnpm exec crr …` through pnpm).
  useCommandPrefix(io.env);
  try {
    const parsed = parseArgs(argv, io.today);
    if ('help' in parsed) {
      io.stdout.write(helpText(parsed.help === true ? undefined : parsed.help));
      return EXIT.ok;
    }
    if ('version' in parsed) {
      io.stdout.write(`crr ${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    switch (parsed.command) {
      case 'validate':
        return await validateCommand(parsed, io);
      case 'analyse':
        return await analyseCommand(parsed, io);
      case 'what-if':
        return await whatIfCommand(parsed, io);
      case 'fingerprint':
        return await fingerprintCommand(parsed, io);
      // The site's builder (Eleventy, mermaid, Pagefind) loads only for the commands that use it,
      // so that validate and analyse start as fast as they can.
      case 'diff':
        return await (await import('./commands/diff.js')).diffCommand(parsed, io);
      case 'build':
        return await (await import('./commands/build.js')).buildCommand(parsed, io);
      case 'export':
        return await (await import('./commands/export.js')).exportCommand(parsed, io);
      case 'serve':
        return await (await import('./commands/serve.js')).serveCommand(parsed, io);
      case 'schema':
        return await schemaCommand(parsed, io);
      case 'init':
        return await initCommand(parsed, io);
      case 'import ods':
        return await (await import('./commands/import-ods.js')).importOdsCommand(parsed, io);
      case 'import hazard-log':
        return await (await import('./commands/import-hazard-log.js')).importHazardLogCommand(parsed, io);
      case 'rules':
        return rulesCommand(parsed, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      // Usage messages quote what was typed, and sometimes names from a repository: one line each.
      io.stderr.write(`crr: ${safeLine(e.message)}\n${e.hint ? `  hint: ${safeLine(e.hint)}\n` : ''}`);
      return EXIT.cannotRun;
    }
    const err = e as Error;
    io.stderr.write(`crr: internal error: ${err?.message ?? String(e)}\n  This is a bug in crr, not in your register. Please report it with the command you ran.\n`);
    if (io.env.CRR_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT.cannotRun;
  }
}
