export { main } from './main.js';
export type { Io } from './io.js';
export { EXIT } from './io.js';
export { commands, helpText, parseArgs, type CommandSpec, type OptionSpec } from './options.js';
export { rulesMarkdown } from './commands/rules.js';
export { validationJson } from './commands/validate.js';
export { generatedSections, updateGenerated, optionsMarkdown } from './docs.js';
