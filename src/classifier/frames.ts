/**
 * Threat frames: the grammar of a threat rather than a list of threats. A speaker ("je", "on", "I", "we"),
 * a violent verb in any person and tense (conjugated at build time by kept verb tables, model/verbs.json)
 * and a target ("te", "vous", "your staff", "votre agence"); incitement ("faut cramer leurs agences",
 * "someone should burn their office"); a condition around a threat ("si…", "keep ignoring me and…").
 * Figures of speech have no target ("ce prix me tue", "killing it", "I'd kill for that jacket").
 * Each frame is a feature whose weight the model learns; only the safety rule in engine.ts reads them.
 */
import verbTables from './model/verbs.json';

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

function anyWithin(
  tokens: readonly string[],
  n: number,
  from: number,
  to: number,
  set: Set<string>,
): boolean {
  for (let k = Math.max(0, from); k < Math.min(n, to); k++) if (set.has(tokens[k] as string)) return true;
  return false;
}

/** End of the violent object after a "with object" verb ("casse LA GUEULE"), or -1 without one. */
function violentObjectEnd(tokens: readonly string[], n: number, verb: number): number {
  for (let k = verb + 1; k < Math.min(n, verb + 4); k++)
    if (FR_VIOLENT_OBJECTS.has(tokens[k] as string)) return k + 1;
  return -1;
}

/** End of a target right after the verb ("votre agence", "your staff", "the CM"), or -1 without one. */
function targetAfter(tokens: readonly string[], n: number, verb: number): number {
  for (let k = verb + 1; k < Math.min(n, verb + 1 + TARGET_WINDOW); k++) {
    const t = tokens[k] as string;
    if (TARGET_OPENERS.has(t)) return k + 1;
    if (TARGET_DETERMINERS.has(t) && k + 1 < n && TARGET_NOUNS.has(tokens[k + 1] as string)) return k + 2;
  }
  return -1;
}

/**
 * The threat and incitement frames in the first `n` of `tokens` (folded words of one comment; `kinds`: their
 * bits from `frameWords`), in order, into `out` (cleared first). Linear in `n`: every window is a constant.
 */
export function findFrames(
  tokens: readonly string[],
  kinds: Uint8Array,
  n: number,
  out: FrameHit[],
): FrameHit[] {
  out.length = 0;
  for (let i = 0; i < n; i++) {
    const verb = (kinds[i] as number) & (VIOLENT | WITH_OBJECT);
    if (verb === 0) continue;
    const violent = verb === VIOLENT;
    const objectEnd = violent ? -1 : violentObjectEnd(tokens, n, i);
    if (!violent && objectEnd < 0) continue;
    const clitic =
      (i >= 1 && FR_OBJECT_CLITICS.has(tokens[i - 1] as string)) ||
      (i >= 2 && FR_OBJECT_CLITICS.has(tokens[i - 2] as string));
    const after = targetAfter(tokens, n, i);
    if (!clitic && after < 0) continue;
    const start = Math.max(0, i - 3);
    const end = Math.max(i + 1, objectEnd, after);
    if (anyWithin(tokens, n, i - SPEAKER_WINDOW, i, SPEAKERS)) out.push({ kind: 'threat', start, end });
    else if (anyWithin(tokens, n, i - 4, i, INCITERS)) out.push({ kind: 'incitement', start, end });
  }
  return out;
}

/** Whether the comment sets a condition ("si", "sinon", "if", "keep … and", "next time"): `kinds` as above. */
export function hasCondition(kinds: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if ((kinds[i] as number) & CONDITION) return true;
  return false;
}
