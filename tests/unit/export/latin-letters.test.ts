import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATIN_LETTERS_PATH, latinLettersJson } from '../../../scripts/lib/latin-letters';

describe('latin-letters.json', () => {
  it('spells the Latin letters as the kept any-ascii tables do (npm run generate:latin-letters)', () => {
    expect(readFileSync(LATIN_LETTERS_PATH, 'utf8')).toBe(latinLettersJson());
  });
});
