// Rewrite the README's generated sections (rule catalogue, CLI reference) from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { updateGenerated } from '@crr/cli';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = updateGenerated(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md updated');
