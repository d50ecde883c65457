/**
 * The phrase matcher (a word trie for plain alternatives, indexed regular expressions for the others)
 * finds exactly the phrases a plain scan of every pattern finds, over the authored training corpus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHORED_FILES, loadAuthored } from '../../../scripts/lib/classifier-data';
import { PHRASE_MATCHER_PATH, phraseMatcherJson } from '../../../scripts/lib/threat-verbs';
import { analyze, namedFeature, phraseSource } from '../../../src/classifier/engine';
import { PHRASES } from '../../../src/classifier/phrases';
import { tokens } from '../../../src/classifier/text';

const byFeature = new Map(PHRASES.map((p, i) => [namedFeature(`phrase:${p.pattern}`), i]));
const scans = PHRASES.map((p) => new RegExp(phraseSource(p.pattern)));

describe('phrase matcher', () => {
  it('is compiled from the current phrases (model/phrases.json is up to date)', () => {
    expect(readFileSync(PHRASE_MATCHER_PATH, 'utf8')).toBe(phraseMatcherJson());
  });

  it('finds exactly the phrases a full scan finds', () => {
    const texts = AUTHORED_FILES.flatMap((f) => loadAuthored(f).map((d) => d.text));
    expect(texts.length).toBeGreaterThan(4_000);
    let compared = 0;
    for (const text of texts) {
      const found = new Set(
        analyze(text)
          .hits.flatMap((h) => h.features.map((f) => byFeature.get(f) ?? []))
          .flat(),
      );
      const line = ` ${tokens.join(' ')} `;
      const scanned = new Set(scans.flatMap((re, i) => (re.test(line) ? [i] : [])));
      expect([...found].sort(), text).toEqual([...scanned].sort());
      compared += scanned.size;
    }
    expect(compared).toBeGreaterThan(texts.length);
    // Every phrase's full expression over the whole corpus: a few seconds on a loaded machine.
  }, 60_000);
});
