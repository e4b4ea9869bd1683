import { didYouMean, parseSelectorText, selectorKeys, whatIf, type Register } from '@crr/core';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { reachLine, servicesLine, shortList } from '../render/reach.js';
import { CLI_VERSION } from '../version.js';
import { asOfOption } from './common.js';
import { loadValidated } from './load.js';

type Spec = Parameters<typeof whatIf>[1][number];

export async function whatIfCommand(parsed: Parsed, io: Io): Promise<number> {
  const dir = parsed.args.dir ?? '.';
  const asOf = asOfOption(parsed, io);
  const fails = (parsed.options.fail as string[] | undefined) ?? [];
  if (!fails.length) throw new UsageError('Say what fails with `--fail`: an asset id or a selector.', 'For example `crr what-if registers/example-icb --fail vpn-a` or `--fail "software=MX 18.*"`.');
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf);
  const p = paint(useColour(io));
  if (errors) {
    writeDiagnostics(io.stdout, diagnostics, { displayDir: dir, register, paint: p, asOf }, 'The register has errors, so no scenario was run. Fix them and run `crr what-if` again.');
    return EXIT.errors;
  }
  const specs = fails.map((text) => toSpec(text, register));
  const result = whatIf(register, specs);
  for (const f of result.failed)
    if (!f.assets.length) throw new UsageError(`The selector \`${f.spec}\` matches no asset.`, 'Check the value; `*` is a wildcard, and matching ignores case.');
  if (parsed.options.format === 'json') {
    const m = register.manifest;
    io.stdout.write(JSON.stringify({ schemaVersion: 1, tool: { name: 'crr', version: CLI_VERSION }, register: m ? { id: m.id, title: m.title, version: m.version } : null, asOf, ...result }, null, 2) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [];
  out.push(p.bold(`What if ${result.failed.map((f) => f.spec).join(' and ')} fail${result.failed.length === 1 && !result.failed[0]!.spec.includes('=') ? 's' : ''}?`));
  for (const f of result.failed) if (f.spec.includes('=')) out.push(`  ${f.spec} selects ${f.assets.length} asset${f.assets.length === 1 ? '' : 's'}: ${shortList(f.assets)}`);
  out.push('');
  if (!result.reach.pairs) out.push('Nothing is cut: every site keeps every clinical service.');
  else {
    out.push(`Cut: ${reachLine(result.reach)}.`);
    out.push(`By service: ${servicesLine(result.reach)}.`);
    out.push(`PCNs: ${shortList(result.reach.pcns)}.`);
    out.push(`Sites: ${shortList(result.reach.sites, 20)}.`);
  }
  io.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}

function toSpec(text: string, register: Register): Spec {
  if (!text.includes('=')) {
    const known = register.assets.some((a) => a.id === text);
    if (!known) {
      const guess = didYouMean(text, register.assets.map((a) => a.id));
      throw new UsageError(`There is no asset \`${text}\` in the register.${guess ? ` Did you mean \`${guess}\`?` : ''}`, 'Give an asset id, or a selector such as `vendor=Cisco Meraki`.');
    }
    return { asset: text };
  }
  const parsed = parseSelectorText(text);
  if (!parsed.selector) {
    const guess = parsed.badKey ? didYouMean(parsed.badKey, selectorKeys) : undefined;
    throw new UsageError(`\`${text}\` is not a valid selector: ${parsed.problem}.${guess ? ` Did you mean \`${guess}\`?` : ''}`, `Write \`key=value\`, joined by commas; keys: ${selectorKeys.filter((k) => k !== 'attributes').join(', ')}, attributes.<name>.`);
  }
  return { selector: parsed.selector, text };
}
