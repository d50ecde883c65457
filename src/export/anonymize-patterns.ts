/**
 * The pattern rules of the redactor: what an e-mail address, a link, a phone number, a postal address, a
 * postcode, a car plate or a reference number looks like, read on the compatibility view (anonymize-fold.ts),
 * where the digits of every script are ASCII ones.
 *
 * Every rule runs in time linear in the text, whatever the text: quantifiers are bounded, or what they
 * repeat cannot also be what follows them, and a match starts only where a run of its characters starts
 * (a lookbehind), so a long run is never scanned again from each of its positions. Domains are
 * recognised with the public suffix list (tldts, bundled with its data), not with a list of our own.
 */
import { parse as parseDomain } from 'tldts';

export const PLACEHOLDERS = ['HANDLE', 'NAME', 'EMAIL', 'PHONE', 'URL', 'NUMBER', 'ADDRESS'] as const;

/** What a rule replaces: the first `length` units of its match, by `placeholder`. */
export interface Redaction {
  placeholder: string;
  length: number;
}

export interface Rule {
  /** Global. Named groups, if any, are for `redact`. */
  pattern: RegExp;
  /** A cheap test a text must pass for the pattern to have any chance. */
  needs?: RegExp;
  /** What to redact of a match, or null to leave it. */
  redact: (match: RegExpExecArray) => Redaction | null;
}

const whole =
  (placeholder: string) =>
  (match: RegExpExecArray): Redaction => ({ placeholder, length: match[0].length });

// ---------------------------------------------------------------------------------------------------
// E-mail addresses and domains, written out or spelled ("jean dot dupont at laposte dot net")

const GAP = '[ \\t]{0,3}';
/** A separator written as a word: " dot ", "(at)", "[point]", "{arobase}". */
const spelled = (words: string) =>
  `${GAP}[([{<]${GAP}(?:${words})${GAP}[)\\]}>]${GAP}|[ \\t]{1,3}(?:${words})[ \\t]{1,3}`;
const AT = `${GAP}@${GAP}|${spelled('at|ar{1,2}obase?')}`;
const DOT_WORDS = 'dot|point';
const DOT = `${GAP}\\.${GAP}|${spelled(DOT_WORDS)}`;
/**
 * In a bare domain: the dot itself; a dot or a dot word in brackets, spaced or not ("shop[.]fr", "shop
 * (dot) com", "shop (point) fr"); or a dot or "dot" spaced out ("shop . fr", "shop dot com"), which a
 * sentence can hold too: those only as SPACED_OUT_DOMAIN allows. "point" alone is too common a word.
 */
const HOST_DOT = `\\.|${GAP}[([{<]${GAP}(?:\\.|${DOT_WORDS})${GAP}[)\\]}>]${GAP}|[ \\t]{1,3}(?:\\.|dot)[ \\t]{1,3}`;
/** A separator of the last kind: spaced out, without brackets. */
const SPACED_OUT = /[ \t](?:\.|dot)[ \t]/iu;
/**
 * The suffixes people write spaced out to dodge a filter; a sentence that goes on after a spaced full
 * stop ("c'est fini . top", "nul . la suite") ends on other words far more often than on these.
 */
const SPACED_OUT_SUFFIXES = new Set('com net org info fr be ch lu ca uk eu io'.split(' '));
/** Words that start a sentence, never a domain name: "the dot com bubble", "in dot net". */
const NOT_DOMAIN_NAMES = new Set(
  'a an the in on at to of my your our this that it is and or le la les un une de du des au aux ce en et ou est mon ma ton ta son sa'.split(
    ' ',
  ),
);
const LOCAL_PART = '[\\p{L}\\p{N}_%+-]{1,64}';
const LABEL = '[\\p{L}\\p{N}-]{1,63}';
const URL_TAIL = `[^\\s<>"'()\\[\\]]*`;

const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}_%+.@-])${LOCAL_PART}(?:(?:${DOT})${LOCAL_PART}){0,7}(?<at>${AT})(?<domain>${LABEL}(?:(?:${DOT})${LABEL}){1,7})`,
  'giu',
);
const DOT_SEPARATOR = new RegExp(DOT, 'giu');
const HOST_DOT_SEPARATOR = new RegExp(HOST_DOT, 'giu');
const WRITTEN_OUT = /^[^\s()[\]{}<>]*$/u;
/** A word after a missing space, not a top-level domain: "nul.Je", "fini.La". */
const SENTENCE_START = /^\p{Lu}\p{Ll}+$/u;

/** The labels of a domain and where each ends in it, given what separates them. */
function labels(domain: string, separator: RegExp): Array<{ label: string; end: number }> {
  const found: Array<{ label: string; end: number }> = [];
  let start = 0;
  separator.lastIndex = 0;
  for (let dot = separator.exec(domain); dot !== null; dot = separator.exec(domain)) {
    found.push({ label: domain.slice(start, dot.index), end: dot.index });
    start = dot.index + dot[0].length;
  }
  found.push({ label: domain.slice(start), end: domain.length });
  return found;
}

/** A registrable domain: a name under a suffix of the public suffix list. */
function isDomain(parts: readonly string[]): boolean {
  const suffix = parts.at(-1) as string;
  if (SENTENCE_START.test(suffix)) return false;
  const { isIcann, isPrivate, domainWithoutSuffix } = parseDomain(parts.join('.').toLowerCase());
  return (isIcann === true || isPrivate === true) && Boolean(domainWithoutSuffix);
}

/** Whether a domain written with a spaced-out separator reads as one rather than as a sentence. */
function spacedOutDomain(domain: string): boolean {
  const parts = labels(domain, HOST_DOT_SEPARATOR).map(({ label }) => label.toLowerCase());
  return SPACED_OUT_SUFFIXES.has(parts.at(-1) as string) && !NOT_DOMAIN_NAMES.has(parts[0] as string);
}

/** The length of the longest start of `domain` that is a registrable domain, or 0. */
function domainLength(domain: string, separator: RegExp): number {
  const parts = labels(domain, separator);
  for (let count = parts.length; count >= 2; count--) {
    const kept = parts.slice(0, count);
    if (isDomain(kept.map((part) => part.label))) return (kept.at(-1) as { end: number }).end;
  }
  return 0;
}

const EMAIL_RULE: Rule = {
  pattern: EMAIL,
  needs: /@|\bat\b|ar{1,2}obas/i,
  redact: (match) => {
    // jean@exemple.fr as usual; spelled or spaced out, only up to a real domain ("… dot net. Merci").
    if (WRITTEN_OUT.test(match[0])) return { placeholder: '[EMAIL]', length: match[0].length };
    const domain = match.groups?.domain as string;
    const length = domainLength(domain, DOT_SEPARATOR);
    return length === 0 ? null : { placeholder: '[EMAIL]', length: match[0].length - domain.length + length };
  },
};

const TRAILING_PUNCTUATION = new Set('.,;:!?');

/** A link at the end of a sentence keeps its full stop or comma outside the placeholder. */
function withoutTrailingPunctuation(text: string): number {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text.charAt(end - 1))) end--;
  return end;
}

const BARE_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@._-])(?<host>${LABEL}(?:(?:${HOST_DOT})${LABEL}){1,15})(?<path>[/?#]${URL_TAIL})?`,
  'giu',
);
const PATH_ONLY_SUFFIX = /^\p{L}{2,24}$/u;

const BARE_DOMAIN_RULE: Rule = {
  pattern: BARE_DOMAIN,
  needs: /\.|dot|point/i,
  redact: (match) => {
    const host = match.groups?.host as string;
    const path = match.groups?.path;
    const length = domainLength(host, HOST_DOT_SEPARATOR);
    if (SPACED_OUT.test(host.slice(0, length || host.length))) {
      return length > 0 && spacedOutDomain(host.slice(0, length)) ? { placeholder: '[URL]', length } : null;
    }
    if (length > 0 && length < host.length) return { placeholder: '[URL]', length };
    // Any name with a path reads as a link (shop.example/a), a suffix of the list or not.
    const suffix = labels(host, HOST_DOT_SEPARATOR).at(-1)?.label ?? '';
    if (length === 0 && !(path && PATH_ONLY_SUFFIX.test(suffix))) return null;
    return { placeholder: '[URL]', length: withoutTrailingPunctuation(match[0]) };
  },
};

const URL_RULE: Rule = {
  pattern: new RegExp(`(?:https?://|www\\.)${URL_TAIL}`, 'giu'),
  needs: /https?:\/\/|www\./i,
  redact: (match) => {
    const length = withoutTrailingPunctuation(match[0]);
    return length === 0 ? null : { placeholder: '[URL]', length };
  },
};

// ---------------------------------------------------------------------------------------------------
// Phones and postal addresses

const HAS_DIGIT = /\p{N}/u;

/** Digits in a text, any script. */
function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code > 127 && HAS_DIGIT.test(text.charAt(i))) digits++;
  }
  return digits;
}

/** Builds a pattern matching a word in either initial case (Rue, rue), for case-sensitive patterns. */
const eitherCase = (word: string) =>
  `[${(word[0] as string).toUpperCase()}${(word[0] as string).toLowerCase()}]${word.slice(1)}`;
const alternatives = (words: readonly string[]) => `(?:${words.map(eitherCase).join('|')})(?![\\p{L}])`;

/** French street words rarely meant otherwise: "rue des lilas" is an address even in lower case. */
const FRENCH_STREETS = [
  'rue',
  'ruelle',
  'avenue',
  'av\\.?',
  'boulevard',
  'bd\\.?',
  'bvd',
  'allée',
  'allee',
  'impasse',
  'quai',
  'faubourg',
  'sentier',
];
/** French street words that are ordinary words too ("au cours de", "à la place de"): with a capital only. */
const FRENCH_STREETS_CAPITALISED = ['chemin', 'place', 'pl\\.', 'route', 'rte', 'cours', 'square', 'passage'];
/** English street words, after the name ("Baker Street", "Elm Road"). */
const ENGLISH_STREETS = [
  'street',
  'st\\.?',
  'road',
  'rd\\.?',
  'avenue',
  'ave\\.?',
  'lane',
  'drive',
  'boulevard',
  'blvd',
  'terrace',
  'crescent',
  'gardens',
  'grove',
  'mews',
];
/** After a house number any of them is an address: "10 Downing Street", "3 av. Foch", "12 Oak Close". */
const NUMBERED_STREETS = alternatives([
  ...FRENCH_STREETS,
  ...FRENCH_STREETS_CAPITALISED,
  ...ENGLISH_STREETS,
  'way',
  'close',
]);

const CAPITALISED = "\\p{Lu}[\\p{L}'’]{0,40}";
const MORE_CAPITALISED = `(?:[ -]${CAPITALISED}){0,3}`;
const OF = "(?:de la |de l'|de l’|du |des |de |d'|d’)";
const LINKERS = `(?:${OF}|la |le |les )`;
/** A name in lower case needs "de" before it: "rue des lilas", but not "la rue la plus", "une rue de ma ville". */
const LOWER_CASE_NAME = `${OF}(?!(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leurs?|ce|cet|cette|ces)\\b)\\p{L}[\\p{L}'’-]{0,40}`;
/** Capitalised words that start a sentence, not a street name: "The Road to…", "La Place est libre". */
const NOT_STREET_NAMES =
  'The|A|An|This|That|My|Your|Our|Their|His|Her|No|Every|Any|Some|Which|What|On|In|At|Near|From|To|Of|La|Le|Les|Un|Une|Ma|Mon|Sa|Son|Ta|Ton|Notre|Votre|Cette|Ce|Sur|Dans|Vers';

const ADDRESS_RULES: readonly Rule[] = [
  {
    // A number, up to three capitalised words, then a street word, then the rest of the street name.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])\\d{1,4}\\s?(?:bis|ter|[a-dA-D])?,?\\s{1,3}(?:${CAPITALISED}\\s{1,3}){0,3}${NUMBERED_STREETS}[^\\n,;!?.]{0,60}`,
      'gu',
    ),
    needs: /\d/,
    redact: whole('[ADDRESS]'),
  },
  {
    // French, without a number: "rue des Lilas", "avenue Foch", "rue des lilas", "chemin des Vignes".
    pattern: new RegExp(
      `(?<![\\p{L}])(?:${alternatives(FRENCH_STREETS)}\\s{1,3}(?:${LOWER_CASE_NAME}|${LINKERS}?${CAPITALISED})|${alternatives(FRENCH_STREETS_CAPITALISED)}\\s{1,3}${LINKERS}?${CAPITALISED})${MORE_CAPITALISED}`,
      'gu',
    ),
    redact: whole('[ADDRESS]'),
  },
  {
    // English, without a number: "Baker Street", "on Elm Road", "Sunset Boulevard".
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?!(?:${NOT_STREET_NAMES})\\s)${CAPITALISED}(?:[ -]${CAPITALISED}){0,2}\\s{1,3}${alternatives(ENGLISH_STREETS)}`,
      'gu',
    ),
    redact: whole('[ADDRESS]'),
  },
  {
    // French postcode and city, the postcode also written in two (75 011 Paris).
    pattern: new RegExp(
      `(?<![\\p{N}])\\d{2} ?\\d{3}\\s{1,3}${CAPITALISED}(?:(?:[ -](?:sur|sous|lès|les|en|de|la|le|du)[ -])?[ -]?${CAPITALISED}){0,5}`,
      'gu',
    ),
    needs: /\d{2} ?\d{3}/,
    redact: whole('[ADDRESS]'),
  },
  {
    // British postcodes (SW1A 1AA, M1 1AE), in capitals as they are written: in lower case they are too
    // close to ordinary words with a digit. Canadian ones (H2X 1Y4), whose letter-digit rhythm no word
    // has, in either case. Both in two parts: in one (SW1A1AA) they read as references, and references
    // like ZK44PL have their shape.
    pattern:
      /(?<![\p{L}\p{N}-])(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Za-z]\d[A-Za-z] \d[A-Za-z]\d)(?![\p{L}\p{N}])/gu,
    needs: /\d/,
    redact: whole('[ADDRESS]'),
  },
];

/**
 * Car plates, in capitals as they are written: French (AB 123 CD; the letters are never I, O or U, so
 * "ON 300 KM" is no plate) and British (AB12 CDE). With dashes (AB-123-CD) they are references anyway.
 */
const PLATE_RULE: Rule = {
  pattern:
    /(?<![\p{L}\p{N}])(?:[A-HJ-NP-TV-Z]{2}[ -]?\d{3}[ -]?[A-HJ-NP-TV-Z]{2}|[A-Z]{2}\d{2} ?[A-Z]{3})(?![\p{L}\p{N}])/gu,
  needs: /\d/,
  redact: whole('[NUMBER]'),
};

/** Order matters: e-mails before handles (both hold @), links before numbers (ids in paths). */
export const RULES_BEFORE_NAMES: readonly Rule[] = [
  EMAIL_RULE,
  URL_RULE,
  BARE_DOMAIN_RULE,
  { pattern: /@[\p{L}\p{N}_.]+/gu, needs: /@/, redact: whole('[HANDLE]') },
  {
    // French and international numbers: 8 digits or more with spaces, dots, dashes or brackets between;
    // Swiss and Belgian ones with a slash after the area code (079/123 45 67, 02/512.34.56). One slash,
    // right after a leading 0 and up to three digits: a date (25/11/2026) starts no match.
    pattern: /(?<![\p{L}\p{N}])(?:(?:\+|00)?\(?\d|0\d{1,3}\/[ \t]?\d)[\d \t.()-]{5,}\d(?!\p{N})/gu,
    needs: /\d/,
    redact: (match) =>
      countDigits(match[0]) >= 8 ? { placeholder: '[PHONE]', length: match[0].length } : null,
  },
  PLATE_RULE,
  ...ADDRESS_RULES,
];

// ---------------------------------------------------------------------------------------------------
// Reference numbers, after names (a handle like troll_75 written without @ reads [NAME], not [NUMBER])

const CLOCK_TIME = /^\d{1,2}h\d{0,2}$/i;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const DIGIT = /\p{N}/gu;
const JOINERS = new Set('-_/.');

/** Order, ticket and account references: a digit run of 4+, a #reference, or a mixed code like A12B34. */
export function isReference(token: string): boolean {
  const digits = countDigits(token);
  if (digits === 0 || CLOCK_TIME.test(token)) return false;
  if (token.startsWith('#') || /\p{N}{4}/u.test(token)) return true;
  return /\p{L}/u.test(token) && token.length >= 5 && digits >= 2;
}

const isAsciiLetterOrDigit = (code: number) =>
  (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** The length in units (1, or 2 outside the BMP) of the letter or digit at `index`, else 0. */
function letterOrDigitAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiLetterOrDigit(code) ? 1 : 0;
  const point = text.codePointAt(index) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** The same for the letter or digit that ends just before `index`. */
function letterOrDigitBefore(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  const pair = code >= 0xdc00 && code <= 0xdfff && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return letterOrDigitAt(text, index - (pair ? 2 : 1));
}

/**
 * The tokens that hold a digit, as [start, end): chains of letters and digits joined by single `-_/.`,
 * with an optional leading `#` (`#?[\p{L}\p{N}]+(?:[-_/.][\p{L}\p{N}]+)*`, read from left to right).
 * From each digit the chain is widened both ways, then the scan goes on after it: linear.
 */
export function* digitTokens(text: string): Generator<[number, number]> {
  DIGIT.lastIndex = 0;
  for (let digit = DIGIT.exec(text); digit !== null; digit = DIGIT.exec(text)) {
    let start = digit.index;
    for (;;) {
      const width = letterOrDigitBefore(text, start);
      if (width > 0) start -= width;
      else if (JOINERS.has(text.charAt(start - 1)) && letterOrDigitBefore(text, start - 1) > 0) start -= 1;
      else break;
    }
    if (text.charAt(start - 1) === '#') start -= 1;
    let end = digit.index;
    for (;;) {
      const width = letterOrDigitAt(text, end);
      if (width > 0) end += width;
      else if (JOINERS.has(text.charAt(end)) && letterOrDigitAt(text, end + 1) > 0) end += 1;
      else break;
    }
    yield [start, end];
    DIGIT.lastIndex = end;
  }
}
