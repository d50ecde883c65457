/**
 * Latin letters that neither Unicode normalisation nor the confusables (UTS #39) bring to ASCII —
 * small capitals (ᴊᴇᴀɴ), IPA and phonetic letters, ß, ø, þ — spelled in ASCII by the kept any-ascii
 * tables, into src/export/latin-letters.json, so the redactor folds them without shipping the 550 kB of
 * every script. `npm run generate:latin-letters` writes it; a unit test fails when it is stale.
 */
import { join } from 'node:path';
import anyAscii from 'any-ascii';
import { REPO_ROOT } from './classifier-data';

export const LATIN_LETTERS_PATH = join(REPO_ROOT, 'src/export/latin-letters.json');

const LATIN_LETTER = /^(?=\p{Script=Latin})\p{L}$/u;
const MARKS = /\p{M}/gu;
const ASCII_LETTERS = /^[a-z]+$/;

export function latinLettersJson(): string {
  const spellings: Record<string, string> = {};
  for (let codePoint = 0x80; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const letter = String.fromCodePoint(codePoint);
    if (!LATIN_LETTER.test(letter)) continue;
    // é, ǆ, ﬁ: normalisation already spells them in ASCII.
    if (/^[\p{ASCII}]*$/u.test(letter.normalize('NFKD').replace(MARKS, ''))) continue;
    const spelling = anyAscii(letter).toLowerCase();
    if (ASCII_LETTERS.test(spelling)) spellings[letter] = spelling;
  }
  return `${JSON.stringify(spellings)}\n`;
}
