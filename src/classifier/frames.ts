/**
 * Threat frames: the grammar of a threat rather than a list of threats. A speaker ("je", "on", "I", "we"),
 * a violent verb in any person and tense (conjugated at build time by kept verb tables, model/verbs.json)
 * and a target ("te", "vous", "your staff", "votre agence"); incitement ("faut cramer leurs agences",
 * "someone should burn their office"); a condition around a threat ("si…", "keep ignoring me and…").
 * Figures of speech have no target ("ce prix me tue", "killing it", "I'd kill for that jacket"). A frame is
 * read within one clause, its verb not negated ("je crève de faim, vous livrez quand ?", "I am not attacking
 * you" are none).
 * Each frame is a feature whose weight the model learns; only the safety rule in engine.ts reads them.
 */
import verbTables from './model/verbs.json';
import { negationBefore } from './negation';
import { breaksClause, breaksSentence, tokEnd, tokStart } from './text';

const FRAME_KINDS = ['threat', 'incitement'] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

export interface FrameHit {
  kind: FrameKind;
  /** Token range [start, end) to quote. */
  start: number;
  end: number;
}

/** Lower case without accents: the folding text.ts applies to every token. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const words = (s: string) => new Set(s.split(' '));

// Closed word classes of French and English grammar (pronouns, determiners): not tuned, just the language.
const SPEAKERS = words('je j on nous moi i we potes gars cousins freres reufs amis boys brothers guys');
/** Object pronouns in front of a French verb: "je vais TE tuer", "on va VOUS brûler". */
const FR_OBJECT_CLITICS = words('te t vous lui leur les toi');
/** Determiners and pronouns that open a target after the verb: "brûler VOTRE agence", "break YOUR legs". */
const TARGET_OPENERS = words(
  'ta ton tes votre vos sa son ses leur leurs you u ya your ur yall him her them their his whoever everyone everybody toi vous lui eux',
);
/** A target named with "the"/"le": the CM, staff, premises, family. */
const TARGET_NOUNS = words(
  'cm community manager admin patron boss pdg ceo directeur directrice staff employes employees salaries vendeurs vendeuse vendeur guichetier agent agents conseiller conseillere livreur livreurs boutique magasin agence bureau bureaux siege locaux usine stade studio entrepot depot store shop office offices building hq headquarters warehouse stadium family famille enfants gosses kids children femme wife mari husband mere mother',
);
const TARGET_DETERMINERS = words('le la l les the this that ce cet cette ces');
/** Body parts and fixed objects that make "casser", "faire", "mettre"… a threat: "casser LA GUEULE". */
const FR_VIOLENT_OBJECTS = words(
  'gueule tete dents jambes jambe bras nez bouche figure crane genoux doigts cou yeux peau portrait balle balles raclee droite patate feu gorge ventre rotules tronche',
);
const INCITERS = words('faut faudrait devrait devraient should needs need lets allez venez');
const CONDITIONS = 'si sinon tant if unless otherwise else keep continue continuez continues prochaine next';

/**
 * What a word is to the frames, one bit each: a verb form violent on its own ("tuer"), or with a violent
 * object ("casser la gueule"); a condition. Bits from `FRAME_WORD_BITS` up are free for the engine, which
 * looks each word of a comment up once for its own classes and these.
 */
const VIOLENT = 1;
const WITH_OBJECT = 2;
const CONDITION = 4;
export const FRAME_WORD_BITS = 3;
/** Every verb form and condition word with its bits: a new map, that the engine completes with its own. */
export function frameWords(): Map<string, number> {
  const t = verbTables as { fr: string[]; en: string[]; frWithObject: string[] };
  const kinds = new Map<string, number>();
  for (const form of t.frWithObject) kinds.set(form, WITH_OBJECT);
  // Violent on its own wins over violent with an object.
  for (const form of [...t.fr, ...t.en]) kinds.set(form, VIOLENT);
  for (const word of CONDITIONS.split(' ')) kinds.set(word, (kinds.get(word) ?? 0) | CONDITION);
  return kinds;
}

/** How far before the verb a speaker may be: "I'm going to find whoever runs this account and break…". */
const SPEAKER_WINDOW = 10;
const TARGET_WINDOW = 3;

/**
 * Whether punctuation between tokens `i` and `i + 1` of `text` (offsets from tokenize) ends a clause, or,
 * with `sentence`, a sentence: a comma or a colon may stand between a speaker and the verb ("I will hack
 * your computer, destroy your drive"), not between the verb and its target ("je crève de faim, vous…").
 */
function breaksAfter(text: string, i: number, sentence = false): boolean {
  const from = tokEnd[i] as number;
  const to = tokStart[i + 1] as number;
  return sentence ? breaksSentence(text, from, to) : breaksClause(text, from, to);
}

/** Whether one of the `reach` words before `verb`, in its clause (or sentence), is in `set`. */
function anyBefore(
  tokens: readonly string[],
  text: string,
  verb: number,
  reach: number,
  set: Set<string>,
  sentence = false,
): boolean {
  for (let k = verb - 1; k >= Math.max(0, verb - reach); k--) {
    if (breaksAfter(text, k, sentence)) return false;
    if (set.has(tokens[k] as string)) return true;
  }
  return false;
}

/** End of the violent object after a "with object" verb ("casse LA GUEULE"), or -1 without one. */
function violentObjectEnd(tokens: readonly string[], text: string, n: number, verb: number): number {
  for (let k = verb + 1; k < Math.min(n, verb + 4); k++) {
    if (breaksAfter(text, k - 1)) return -1;
    if (FR_VIOLENT_OBJECTS.has(tokens[k] as string)) return k + 1;
  }
  return -1;
}

/** End of a target right after the verb ("votre agence", "your staff", "the CM"), or -1 without one. */
function targetAfter(tokens: readonly string[], text: string, n: number, verb: number): number {
  for (let k = verb + 1; k < Math.min(n, verb + 1 + TARGET_WINDOW); k++) {
    if (breaksAfter(text, k - 1)) return -1;
    const t = tokens[k] as string;
    if (TARGET_OPENERS.has(t)) return k + 1;
    if (TARGET_DETERMINERS.has(t) && k + 1 < n && TARGET_NOUNS.has(tokens[k + 1] as string)) return k + 2;
  }
  return -1;
}

/**
 * Whether the verb is negated ("I am not attacking you", "je vais pas te frapper"). Not when a speaker
 * stands between: the negation then ends an earlier clause ("si vous remboursez pas je vous…").
 */
function negated(tokens: readonly string[], text: string, verb: number): boolean {
  const at = negationBefore(tokens, verb, verb + 1, text, tokStart, tokEnd);
  if (at < 0) return false;
  for (let k = at + 1; k < verb; k++) if (SPEAKERS.has(tokens[k] as string)) return false;
  return true;
}

/**
 * The threat and incitement frames in the first `n` of `tokens` (folded words of one comment; `kinds`: their
 * bits from `frameWords`; `text`: the folded text they were cut from, whose punctuation bounds a frame), in
 * order, into `out` (cleared first). Linear in `n`: every window is a constant.
 */
export function findFrames(
  tokens: readonly string[],
  kinds: Uint8Array,
  n: number,
  text: string,
  out: FrameHit[],
): FrameHit[] {
  out.length = 0;
  for (let i = 0; i < n; i++) {
    const verb = (kinds[i] as number) & (VIOLENT | WITH_OBJECT);
    if (verb === 0 || negated(tokens, text, i)) continue;
    const violent = verb === VIOLENT;
    const objectEnd = violent ? -1 : violentObjectEnd(tokens, text, n, i);
    if (!violent && objectEnd < 0) continue;
    const clitic = anyBefore(tokens, text, i, 2, FR_OBJECT_CLITICS);
    const after = targetAfter(tokens, text, n, i);
    if (!clitic && after < 0) continue;
    const start = Math.max(0, i - 3);
    const end = Math.max(i + 1, objectEnd, after);
    if (anyBefore(tokens, text, i, SPEAKER_WINDOW, SPEAKERS, true)) out.push({ kind: 'threat', start, end });
    else if (anyBefore(tokens, text, i, 4, INCITERS, true)) out.push({ kind: 'incitement', start, end });
  }
  return out;
}

/** Whether the comment sets a condition ("si", "sinon", "if", "keep … and", "next time"): `kinds` as above. */
export function hasCondition(kinds: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if ((kinds[i] as number) & CONDITION) return true;
  return false;
}
