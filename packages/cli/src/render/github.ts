import { countsText, sortAnnotations, type Annotation } from './annotations.js';
import { safeLine } from './safe-text.js';

/**
 * GitHub Actions workflow commands: one `::error file=F,line=L,col=C,title=T::message` line per
 * annotation (`warning` and `notice` likewise), then a `::notice::` with the counts. The runner
 * turns them into annotations on the pull request's files.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function githubCommands(annotations: readonly Annotation[]): string {
  const lines = sortAnnotations(annotations).map((a) =>
    workflowCommand(a.level, { file: a.file, line: a.line, col: a.column, title: a.title }, a.message),
  );
  lines.push(workflowCommand('notice', {}, `crr: ${countsText(annotations)}`));
  return lines.join('\n') + '\n';
}

/** `::command key=value,…::message`, with absent properties left out, escaped as `@actions/core` does. */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/**
 * The message: `%` first, so that an escape is never escaped again. CR and LF are %-escaped (the
 * runner restores them in the annotation); every other control or bidi character becomes a
 * visible escape (`\x1b`), since the log shows it to a reader whose browser or terminal would act
 * on it.
 */
export function escapeData(s: string): string {
  const visible = s
    .split(/(\r|\n)/)
    .map((part) => (part === '\r' || part === '\n' ? part : safeLine(part)))
    .join('');
  return visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would otherwise end it. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
