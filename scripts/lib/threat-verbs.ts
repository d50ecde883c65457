/**
 * What the classifier compiles ahead of time. The violent verbs of the threat frames, conjugated by kept
 * verb tables (Lefff for French, the RosaeNLG English tables) rather than typed by hand, into
 * src/classifier/model/verbs.json; the phrase matcher into src/classifier/model/phrases.json.
 * `npm run train` writes both; a unit test fails when either is stale.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { namedFeature } from '../../src/classifier/engine';
import { foldWord } from '../../src/classifier/frames';
import { buildMatcher, encodeMatcher } from '../../src/classifier/phrase-index';
import { PHRASES } from '../../src/classifier/phrases';
import { REPO_ROOT } from './classifier-data';

const require = createRequire(import.meta.url);

export const VERBS_PATH = join(REPO_ROOT, 'src/classifier/model/verbs.json');
export const PHRASE_MATCHER_PATH = join(REPO_ROOT, 'src/classifier/model/phrases.json');

/**
 * The phrase matcher, built from phrases.ts ahead of time (see phrase-index.ts), with each phrase's kind
 * and feature hash: the extension ships no pattern text twice, nor the examples of phrases.ts.
 */
export function phraseMatcherJson(): string {
  const matcher = buildMatcher(
    PHRASES.map((p) => p.pattern),
    PHRASES.map((p) => ({ kind: p.kind, feature: namedFeature(`phrase:${p.pattern}`) })),
  );
  return `${JSON.stringify(encodeMatcher(matcher))}\n`;
}

/**
 * Verbs that harm the person or place they take as object: "je vais te tuer", "on va brûler votre agence",
 * "I'll find you". Verbs whose violent sense needs a body part or a fixed object are in WITH_OBJECT.
 */
const FR_VIOLENT = [
  'tuer',
  'buter',
  'flinguer',
  'égorger',
  'poignarder',
  'massacrer',
  'tabasser',
  'frapper',
  'cogner',
  'défoncer',
  'fracasser',
  'étrangler',
  'abattre',
  'lyncher',
  'brûler',
  'cramer',
  'incendier',
  'crever',
  'saigner',
  'agresser',
  'violer',
  'découper',
  'dépecer',
  'trouer',
  'éclater',
  'achever',
  'pendre',
  'noyer',
  'enterrer',
  'mutiler',
  'défigurer',
  'torturer',
  'séquestrer',
  'kidnapper',
  'traquer',
  'choper',
  'démonter',
  'retrouver',
  'descendre',
  'éventrer',
  'gifler',
  'baffer',
  'fumer',
  'dérouiller',
  'shooter',
  'plomber',
  'étriper',
  'lacérer',
  'zigouiller',
  'liquider',
  'exterminer',
  'calciner',
  'niquer',
  'saccager',
  'dynamiter',
  'attraper',
  'cueillir',
] as const;
/** Verbs that threaten only with an object: "casser la gueule", "faire la peau", "mettre une balle". */
const FR_WITH_OBJECT = [
  'casser',
  'péter',
  'exploser',
  'arracher',
  'briser',
  'faire',
  'refaire',
  'régler',
  'mettre',
  'foutre',
  'ouvrir',
  'couper',
] as const;

const EN_VIOLENT = [
  'kill',
  'murder',
  'shoot',
  'stab',
  'beat',
  'punch',
  'hurt',
  'burn',
  'hunt',
  'strangle',
  'choke',
  'slap',
  'smash',
  'destroy',
  'bomb',
  'torch',
  'rape',
  'behead',
  'hang',
  'butcher',
  'slaughter',
  'gut',
  'kidnap',
  'wreck',
  'bash',
  'attack',
  'assault',
  'drown',
  'bury',
  'skin',
  'slit',
  'break',
  'kick',
  'torture',
  'maim',
  'execute',
  'lynch',
  'whack',
  'shank',
  'snipe',
  'poison',
  'stalk',
  'dox',
] as const;

function frenchForms(lemma: string): string[] {
  const table = require('french-verbs-lefff/dist/conjugations.json') as Record<
    string,
    Record<string, string[]>
  >;
  const entry = table[lemma];
  if (!entry) throw new Error(`Lefff has no verb ${lemma}`);
  const forms = new Set([lemma]);
  for (const tense of Object.values(entry)) for (const form of tense) if (form !== 'NA') forms.add(form);
  return [...forms];
}

function englishForms(lemma: string): string[] {
  const helper = require('english-verbs-helper') as {
    mergeVerbsData: (irregular: unknown, gerunds: unknown) => unknown;
    getConjugation: (info: unknown, verb: string, tense: string, person: number, extra: object) => string;
    getIngPart: (info: unknown, verb: string) => string;
  };
  const info = helper.mergeVerbsData(
    require('english-verbs-irregular/dist/verbs.json'),
    require('english-verbs-gerunds/dist/gerunds.json'),
  );
  const ing = helper.getIngPart(info, lemma);
  const forms = new Set([lemma, ing]);
  for (const tense of ['SIMPLE_PRESENT', 'SIMPLE_PAST', 'PERFECT_PRESENT']) {
    const phrase = helper.getConjugation(info, lemma, tense, 2, {});
    for (const word of phrase.split(/[\s,]+/)) if (word !== 'has') forms.add(word);
  }
  // The tables build regular pasts without doubling ("stabed"): take the doubling from the gerund.
  const stem = ing.slice(0, -3);
  if (ing.endsWith('ing') && stem.length > lemma.length && stem.endsWith(lemma.slice(-1).repeat(2)))
    forms.add(`${stem}ed`);
  return [...forms];
}

export interface VerbTables {
  /** Every folded form of a violent verb, each language apart. */
  fr: string[];
  en: string[];
  /** Folded forms of the verbs that threaten only with an object. */
  frWithObject: string[];
}

export function buildVerbTables(): VerbTables {
  const fold = (words: string[]) => [...new Set(words.map(foldWord))].sort();
  return {
    fr: fold(FR_VIOLENT.flatMap(frenchForms)),
    en: fold(EN_VIOLENT.flatMap(englishForms)),
    frWithObject: fold(FR_WITH_OBJECT.flatMap(frenchForms)),
  };
}

export function verbTablesJson(): string {
  return `${JSON.stringify(buildVerbTables())}\n`;
}
