import { rulesMarkdown } from './commands/rules.js';
import { commands, optionValue, type CommandSpec } from './options.js';

/** The README's generated sections, by marker name. `pnpm run gen:docs` rewrites them; a test checks them. */
export function generatedSections(): Record<string, string> {
  return { rules: rulesMarkdown(), options: optionsMarkdown() };
}

/** The CLI reference, from the one typed table of commands and options. */
export function optionsMarkdown(): string {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(commands) as [string, CommandSpec][]) {
    const args = spec.args.map((a) => (a.optional ? ` [${a.name}]` : ` <${a.name}>`)).join('');
    out.push(`- \`crr ${name}${args}\`: ${spec.summary}`);
    for (const [key, o] of Object.entries(spec.options)) out.push(`  - \`--${key}${optionValue(o)}\`: ${o.description}${o.default ? ` Default \`${o.default}\`.` : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Replace each `<!-- name:start -->…<!-- name:end -->` block with its generated text. */
export function updateGenerated(text: string, sections: Record<string, string> = generatedSections()): string {
  let result = text;
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    result = result.replace(re, (_m, open: string, close: string) => `${open}${body}${close}`);
  }
  return result;
}
