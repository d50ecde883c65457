/**
 * Folded views of a text, each with a map back to the original: the redactor matches what a reader sees,
 * and what it does not redact is written as the commenter wrote it.
 *
 * - The compatibility view, read by the pattern rules: NFKC (𝐃𝐮𝐩𝐨𝐧𝐭, Ｄｕｐｏｎｔ, ０６ １８…, ＠handle fold
 *   to ASCII), the digits of every script as ASCII digits (٠٦ ١٨, ०६ १८ are 06 18: a phone number is one
 *   in any script), without the default-ignorable characters (zero-width spaces and joiners, soft
 *   hyphens, invisible fillers) that split a word without showing: "Je​an" is Jean.
 * - The name view, for names: no case, no diacritics, and every letter as the Latin letter it looks like.
 *   Letters of other scripts follow Unicode's confusables (UTS #39, the data of the unhomoglyph package:
 *   Cyrillic Ј, р → j, p); Latin letters that normalisation leaves alone take their ASCII spelling
 *   (latin-letters.json, from any-ascii: small capitals ᴊ → j, ß → ss, ø → o).
 */
import unhomoglyph from 'unhomoglyph';
import latinLetters from './latin-letters.json';

/** A transformed text and, unless it is index-for-index the original, where each unit came from. */
export interface View {
  text: string;
  /** start[i], end[i]: the original code point that produced unit i; null = identity. */
  start: Int32Array | null;
  end: Int32Array | null;
}

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** A decimal digit that is not an ASCII one: ٣, ३, ๓. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;
const MARKS = /\p{M}/gu;
const ASCII = /^\p{ASCII}*$/u;
const LETTER = /^\p{L}$/u;
const LATIN_LETTER = /^(?=\p{Script=Latin})\p{L}$/u;
const ASCII_LETTERS_OR_DIGITS = /^[a-z0-9]+$/;
const latinSpellings = new Map<string, string>(Object.entries(latinLetters));

const withoutMarks = (text: string) => text.normalize('NFKD').replace(MARKS, '');

/** The ASCII letters a character looks like by its confusable prototype, or null. */
function lookAlike(char: string): string | null {
  const prototype = withoutMarks(unhomoglyph(char)).toLowerCase();
  return ASCII_LETTERS_OR_DIGITS.test(prototype) ? prototype : null;
}

/**
 * A letter of another script: the Latin letter its capital looks like (Р, р → p; Ν, ν → n), else the one
 * its small form looks like, so that case never matters (ДМИТРО and Дмитро fold alike). Capital I-likes
 * (Ι, І) have the prototype l, the glyph they share with l: their small form (ι, і → i) says which letter.
 */
function foreignLetter(letter: string): string {
  const capital = letter.toUpperCase();
  const small = capital.toLowerCase();
  const byCapital = lookAlike(capital);
  const bySmall = lookAlike(small);
  if (byCapital === 'l' && bySmall !== null) return bySmall;
  return byCapital ?? bySmall ?? small;
}

function foldNameChar(char: string): string {
  if (IGNORABLE.test(char)) return '';
  let folded = '';
  // é → e, 𝐃 → D, ǆ → dz: what normalisation spells in ASCII comes first.
  for (const part of withoutMarks(char)) {
    if (ASCII.test(part)) folded += part.toLowerCase();
    else if (LATIN_LETTER.test(part)) folded += latinSpellings.get(part) ?? part.toLowerCase();
    else if (LETTER.test(part)) folded += foreignLetter(part);
    else folded += part.toLowerCase();
  }
  return folded;
}

const compatCache = new Map<string, string>();
const nameFoldCache = new Map<string, string>();
/** The same, by UTF-16 unit for the Basic Multilingual Plane: the hot path of every text. */
const nameFoldBmp: Array<string | undefined> = [];

/**
 * The ASCII digit of a decimal digit of any script (٣ → 3). Unicode encodes every script's decimal digits
 * ten in a row, from 0 to 9 (a stability guarantee): the digit's value is its distance from the start of
 * its run, modulo 10 where runs follow one another (mathematical digits).
 */
function asciiDigit(digit: string): string {
  let point = digit.codePointAt(0) as number;
  let value = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(point - 1))) {
    point--;
    value++;
  }
  return String(value % 10);
}

/**
 * NFKC of one code point: 𝐃 → D, Ｄ → D, ０ → 0, ＠ → @, ﬁ → fi; digits of other scripts as ASCII digits;
 * case and accents kept; invisibles dropped.
 */
function compatChar(char: string): string {
  let folded = compatCache.get(char);
  if (folded === undefined) {
    folded = IGNORABLE.test(char) ? '' : char.normalize('NFKC');
    if (OTHER_DIGIT.test(folded) && DECIMAL_DIGIT.test(folded)) folded = asciiDigit(folded);
    compatCache.set(char, folded);
  }
  return folded;
}

/** The form names are compared in (see the top of this file). */
function nameChar(char: string): string {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    let folded = nameFoldBmp[code];
    if (folded === undefined) {
      folded = foldNameChar(char);
      nameFoldBmp[code] = folded;
    }
    return folded;
  }
  let folded = nameFoldCache.get(char);
  if (folded === undefined) {
    folded = foldNameChar(char);
    nameFoldCache.set(char, folded);
  }
  return folded;
}

/** Applies `fold` code point by code point, with the map back when lengths change. */
function foldedView(text: string, fold: (char: string) => string): View {
  let out = '';
  let sameLength = true;
  for (const char of text) {
    const folded = fold(char);
    if (folded.length !== char.length) {
      sameLength = false;
      break;
    }
    out += folded;
  }
  if (sameLength) return { text: out, start: null, end: null };
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = fold(char);
    parts.push(folded);
    for (let i = 0; i < folded.length; i++) {
      start.push(index);
      end.push(index + char.length);
    }
    index += char.length;
  }
  return { text: parts.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}

export function compatView(text: string): View {
  return text.normalize('NFKC') === text && !IGNORABLE.test(text) && !OTHER_DIGIT.test(text)
    ? { text, start: null, end: null }
    : foldedView(text, compatChar);
}

/** Latin letters and general punctuation: folded by one native replace when each stays one unit. */
const LATIN_OR_PUNCTUATION = /^[^\u0250-\u1fff\u2070-\uffff]*$/;
const FOLDABLE = /[\u00a0-\u024f\u2000-\u206f]/g;

export function nameView(text: string): View {
  if (ASCII.test(text)) return { text: text.toLowerCase(), start: null, end: null };
  if (LATIN_OR_PUNCTUATION.test(text)) {
    // Each character folds to one unit or more (none for an invisible): the same length means one for one.
    const folded = text.replace(FOLDABLE, nameChar).toLowerCase();
    if (folded.length === text.length) return { text: folded, start: null, end: null };
  }
  return foldedView(text, nameChar);
}

/** The folded form of a name, handle, brand or path, as the redactor compares it. */
export const foldName = (source: string): string => nameView(source.normalize('NFC')).text;
