// Rewrite the README's generated sections from the code: the rule catalogue, the CLI reference,
// and the example sessions (real output of crr on the worked example).
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedSections, updateGenerated } from '@crr/cli';
import { readmeExamples } from './readme-examples.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = updateGenerated(before, { ...generatedSections(), ...(await readmeExamples()) });
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md updated');
