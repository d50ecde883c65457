/**
 * A negation just before a praise or dissatisfaction word turns it around: "je ne suis pas satisfait",
 * "not a happy customer", "pas déçu du tout", "not disappointed". Without this the phrase fires on them,
 * its learned weight pulls the comment the wrong way, and the CM is shown the opposite as the reason.
 * Closed word classes of French and English grammar, not tuned: how a negated phrase counts is learned.
 */
import { breaksClause, endsInQuestion } from './text';

/** Negation words, as tokens (folded: no accents, "n't" split into "n" + "t" by tokenize). */
const NEGATORS = new Set(['pas', 'jamais', 'ni', 'aucun', 'aucune', 'guere', 'not', 'never', 'no', 'nor']);
/** English auxiliaries whose "n't" ends in the token "t" ("don't" → "don t"); French "t" is "tu". */
const CONTRACTED = new Set([
  'don',
  'doesn',
  'didn',
  'isn',
  'wasn',
  'aren',
  'weren',
  'won',
  'can',
  'couldn',
  'wouldn',
  'shouldn',
  'haven',
  'hasn',
  'hadn',
  'ain',
]);
/** A clause turns between the negation and the word ("pas cher mais top", "not only fast"). */
const CLAUSE_TURNS = new Set([
  'mais',
  'but',
  'et',
  'and',
  'car',
  'because',
  'only',
  'seulement',
  'que',
  'just',
  'juste',
]);
/**
 * After "jamais", "never", "no" or "can't", a comparison is praise: "jamais été aussi satisfait", "no better
 * airline", "couldn't be more happy". After "pas" or "not" it is not: "pas si top", "not as good".
 */
const COMPARATIVES = new Set([
  'aussi',
  'si',
  'autant',
  'tellement',
  'plus',
  'mieux',
  'so',
  'as',
  'more',
  'better',
]);
const COMPARED_AWAY = new Set(['jamais', 'never', 'no', 'can', 'couldn']);
/** How many words back a negation reaches: "pas du tout content" is three. */
const REACH = 3;
/** Words a negation does not turn: "pas terrible" is French for mediocre. */
const IDIOMS = new Set(['terrible']);

/** "Enough" after a negated word makes it emphatic. */
const EMPHASIS = new Set(['enough', 'assez']);
/**
 * The token index where a negation of the words [`start`, `end`) begins, or -1. `text` is the folded text
 * the tokens were cut from, `starts`/`ends` their offsets in it.
 */
export function negationBefore(
  tokens: readonly string[],
  start: number,
  end: number,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
): number {
  if (IDIOMS.has(tokens[start] as string)) return -1;
  // A negation in a question asserts: "C'est pas génial, ça ?", "isn't it awful?".
  if (endsInQuestion(text, ends[end - 1] as number)) return -1;
  // "Can't recommend them enough", "on ne vous remerciera jamais assez": emphasis, not negation.
  for (let k = end; k < end + 3 && k < tokens.length; k++) if (EMPHASIS.has(tokens[k] as string)) return -1;
  // The word itself may be the comparison: "no better airline".
  let compared = COMPARATIVES.has(tokens[start] as string);
  for (let j = start - 1; j >= 0 && j >= start - REACH; j--) {
    // "Pas de souci. Super service" is praise.
    if (breaksClause(text, ends[j] as number, starts[j + 1] as number)) return -1;
    const tok = tokens[j] as string;
    if (CLAUSE_TURNS.has(tok)) return -1;
    if (COMPARATIVES.has(tok)) compared = true;
    const contracted = tok === 't' && j > 0 && CONTRACTED.has(tokens[j - 1] as string);
    if (!NEGATORS.has(tok) && !contracted) continue;
    const negator = contracted ? (tokens[j - 1] as string) : tok;
    if (compared && COMPARED_AWAY.has(negator)) return -1;
    return contracted ? j - 1 : j;
  }
  return -1;
}
