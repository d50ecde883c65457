/** `npm run generate:latin-letters`: rewrites src/export/latin-letters.json (see scripts/lib/latin-letters.ts). */
import { writeFileSync } from 'node:fs';
import { LATIN_LETTERS_PATH, latinLettersJson } from './lib/latin-letters';

writeFileSync(LATIN_LETTERS_PATH, latinLettersJson());
