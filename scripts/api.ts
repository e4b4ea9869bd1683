// Rewrite packages/core/api.txt, the checked-in list of @crr/core's exported names.
import { writeFileSync } from 'node:fs';
import { API_LIST, apiListText, exportedNames } from '../test/api/public-api.js';

writeFileSync(API_LIST, apiListText(exportedNames()));
console.log(`${API_LIST}: ${exportedNames().length} names`);
