/**
 * The compiled lexicons shipped beside the weights (src/classifier/model/lexicon.json), so that the
 * service worker does not compile LEXICON at every start. Must not import the engine: `npm run train`
 * writes this file before the trainer loads it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatcher, encodeMatcher } from '../../src/classifier/lexicon';
import { LEXICON } from '../../src/classifier/lexicon-data';
import { REPO_ROOT } from './classifier-data';

export const LEXICON_PATH = join(REPO_ROOT, 'src', 'classifier', 'model', 'lexicon.json');

/** What lexicon.json must contain for the current lexicon-data.ts. */
export function compiledLexiconJson(): string {
  return `${JSON.stringify(encodeMatcher(buildMatcher(LEXICON)))}\n`;
}

/** Writes lexicon.json; returns its size in bytes. */
export function writeLexicon(): number {
  const json = compiledLexiconJson();
  writeFileSync(LEXICON_PATH, json);
  return Buffer.byteLength(json);
}
