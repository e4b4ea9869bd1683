// Rewrite site/static/js/what-if-engine.js, the what-if page's bundle of @crr/core.
import { writeFileSync } from 'node:fs';
import { ENGINE_FILE, engineBundle } from './what-if-engine-bundle.js';

const { text, inputs } = await engineBundle();
writeFileSync(ENGINE_FILE, text);
console.log(`${ENGINE_FILE}: ${text.length} bytes from ${inputs.length} modules`);
