/**
 * Redaction of free text (comment text, check-in notes, tags) into typed placeholders. Errs towards
 * over-redaction: a lost word costs a researcher little, a leaked address costs a commenter a lot.
 */

export const PLACEHOLDERS = ['HANDLE', 'NAME', 'EMAIL', 'PHONE', 'URL', 'NUMBER', 'ADDRESS'] as const;

/** Name parts shorter than this are only redacted in their @handle form (else "le", "jo" would go everywhere). */
const MIN_NAME_TOKEN = 3;

/** Function words that may appear in display names but would wipe out ordinary text if redacted. */
const NOT_NAMES = new Set([
  ...PLACEHOLDERS.map((p) => p.toLowerCase()),
  ...'les des une pour par avec dans sur pas est mon ton son nos vos qui que mais donc car tout tous elle ils nous vous'.split(
    ' ',
  ),
  ...'the and for you not are but this that with from was our your'.split(' '),
]);

/** Path parts of platform permalinks that name no one. */
const GENERIC_PATH_WORDS = new Set(
  'status statuses posts post photo photos videos video permalink php story groups comment_id watch reel reels web www https http com'.split(
    ' ',
  ),
);

const TOKEN = /[\p{L}\p{N}_]+/gu;

const foldedChars = new Map<string, string>();

/** Lower case without accents, one UTF-16 unit per unit, so indices in the folded text match the original. */
function foldSameLength(text: string): string {
  let out = '';
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      const candidate = (char.normalize('NFD')[0] ?? char).toLowerCase();
      folded = candidate.length === char.length ? candidate : char;
      foldedChars.set(char, folded);
    }
    out += folded;
  }
  return out;
}

/** The words of a name, handle, brand or page path that the redactor will replace by [NAME]. */
export function nameTokens(source: string): string[] {
  const tokens: string[] = [];
  for (const [token] of foldSameLength(source.normalize('NFC')).matchAll(TOKEN)) {
    if (token.length >= MIN_NAME_TOKEN && !NOT_NAMES.has(token)) tokens.push(token);
  }
  return tokens;
}

/** Page and account names hidden in a permalink path or a thread key (e.g. facebook.com/BrandPage/posts/…). */
export function pathNameTokens(urlOrPath: string): string[] {
  // Drops the scheme and host (a thread key has none); cheaper than new URL() on every row.
  const path = urlOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return nameTokens(path).filter((token) => !GENERIC_PATH_WORDS.has(token));
}

/** Builds a pattern matching a word in either initial case (Rue, rue), for case-sensitive patterns. */
const eitherCase = (word: string) =>
  `[${(word[0] as string).toUpperCase()}${(word[0] as string).toLowerCase()}]${word.slice(1)}`;

const STREET_WORDS = [
  'rue',
  'avenue',
  'av\\.?',
  'ave\\.?',
  'bd\\.?',
  'boulevard',
  'bvd',
  'chemin',
  'place',
  'pl\\.',
  'allée',
  'allee',
  'impasse',
  'quai',
  'route',
  'rte',
  'cours',
  'square',
  'faubourg',
  'passage',
  'street',
  'st\\.?',
  'road',
  'rd\\.?',
  'lane',
  'drive',
  'way',
  'close',
].map(eitherCase);
const STREET = `(?:${STREET_WORDS.join('|')})(?![\\p{L}])`;
const CAPITALISED = "\\p{Lu}[\\p{L}'’]*";
const LINKERS = "(?:de la |de l'|de l’|du |des |de |d'|d’|la |le |les )?";
const TLDS =
  'com|fr|net|org|io|co|be|ch|ca|de|uk|eu|info|biz|me|ly|gl|tv|app|dev|xyz|shop|store|online|site|example|test|gouv|lu|es|it|nl|us|ru|cn|jp|br|pt|pl|ma|dz|tn|sn|ci|cm|re|ai|gg|to|link|page|news|blog|live|tech|club|media|bzh|paris';
const URL_TAIL = `[^\\s<>"'()\\[\\]]*`;

/** A URL at the end of a sentence keeps its full stop or comma outside the placeholder. */
const keepTrailingPunctuation = (placeholder: string) => (match: string) =>
  placeholder + (match.match(/[.,;:!?]+$/)?.[0] ?? '');

interface Rule {
  pattern: RegExp;
  replace: (match: string) => string;
}

/** Order matters: e-mails before handles (both hold @), URLs before numbers (ids in paths). */
const RULES_BEFORE_NAMES: readonly Rule[] = [
  {
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    replace: () => '[EMAIL]',
  },
  {
    pattern: new RegExp(`(?:https?://|www\\.)${URL_TAIL}`, 'giu'),
    replace: keepTrailingPunctuation('[URL]'),
  },
  {
    // Bare domains: a known top-level domain, or any domain followed by a path (example.com/x).
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}@._-])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:(?:${TLDS})(?![\\p{L}\\p{N}-])(?:[/?#]${URL_TAIL})?|\\p{L}{2,24}/${URL_TAIL})`,
      'giu',
    ),
    replace: keepTrailingPunctuation('[URL]'),
  },
  { pattern: /@[\p{L}\p{N}_.]+/gu, replace: () => '[HANDLE]' },
  {
    // French and international numbers: 8 digits or more with spaces, dots, dashes or brackets between.
    pattern: /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d[\d \t.()-]{5,}\d(?!\p{N})/gu,
    replace: (match) => ((match.match(/\d/g)?.length ?? 0) >= 8 ? '[PHONE]' : match),
  },
  {
    // A number, up to three capitalised words, then a street word, then the rest of the street name.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])\\d{1,4}\\s?(?:bis|ter|[a-dA-D])?,?\\s+(?:${CAPITALISED}\\s+){0,3}${STREET}[^\\n,;!?.]{0,60}`,
      'gu',
    ),
    replace: () => '[ADDRESS]',
  },
  {
    // A street word followed by a capitalised name, without a number ("rue des Lilas").
    pattern: new RegExp(`(?<![\\p{L}])${STREET}\\s+${LINKERS}${CAPITALISED}(?:[ -]${CAPITALISED})*`, 'gu'),
    replace: () => '[ADDRESS]',
  },
  {
    // French postcode and city.
    pattern: new RegExp(
      `(?<![\\p{N}])\\d{5}\\s+${CAPITALISED}(?:(?:[ -](?:sur|sous|lès|les|en|de|la|le|du)[ -])?[ -]?${CAPITALISED})*`,
      'gu',
    ),
    replace: () => '[ADDRESS]',
  },
];

/** After names, so a handle like troll_75 written without @ reads [NAME] rather than [NUMBER]. */
const REFERENCE_RULE: Rule = {
  // Order, ticket and account references: a digit run of 4+, a #reference, or a mixed code like A12B34.
  pattern: /#?[\p{L}\p{N}]+(?:[-_/.][\p{L}\p{N}]+)*/gu,
  replace: (match) => (isReference(match) ? '[NUMBER]' : match),
};

const CLOCK_TIME = /^\d{1,2}h\d{0,2}$/i;

function isReference(token: string): boolean {
  const digits = token.match(/\p{N}/gu)?.length ?? 0;
  if (digits === 0 || CLOCK_TIME.test(token)) return false;
  if (token.startsWith('#') || /\p{N}{4}/u.test(token)) return true;
  return /\p{L}/u.test(token) && token.length >= 5 && digits >= 2;
}

export type Redactor = (text: string) => string;

/**
 * A redactor knowing the names seen in the data (authors, handles, the CM's accounts, brands, pages).
 * Names are matched word by word, ignoring case and accents, after the pattern rules and before references.
 */
export function createRedactor(names: Iterable<string>): Redactor {
  const nameSet = new Set(names);
  return (raw) => {
    let text = raw.normalize('NFC');
    for (const { pattern, replace } of RULES_BEFORE_NAMES) text = text.replace(pattern, replace);
    text = replaceNames(text, nameSet);
    return text.replace(REFERENCE_RULE.pattern, REFERENCE_RULE.replace);
  };
}

function replaceNames(text: string, nameSet: ReadonlySet<string>): string {
  const folded = foldSameLength(text);
  let out = '';
  let copiedUpTo = 0;
  for (const match of folded.matchAll(TOKEN)) {
    // jean_dupont_75 names someone when one of its parts is a known name, even if the whole is new.
    const isName = nameSet.has(match[0]) || match[0].split('_').some((part) => nameSet.has(part));
    if (!isName) continue;
    out += `${text.slice(copiedUpTo, match.index)}[NAME]`;
    copiedUpTo = match.index + match[0].length;
  }
  return out + text.slice(copiedUpTo);
}

/**
 * Returns the kind of a classifier cue ("insult: 'xyz'" → "insult"); the quoted words never leave.
 * Kinds are short phrases of plain letters; anything else, or anything naming someone, is "other".
 */
export function createCueKinds(redact: Redactor): (cue: string) => string {
  const checked = new Map<string, string>();
  return (cue) => {
    const kind = (cue.split(':')[0] ?? '').trim().toLowerCase();
    let safe = checked.get(kind);
    if (safe === undefined) {
      safe = /^[a-z][a-z _-]{0,39}$/.test(kind) && redact(kind) === kind ? kind : 'other';
      checked.set(kind, safe);
    }
    return safe;
  };
}
