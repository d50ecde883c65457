/**
 * The compiled lexicons shipped in src/classifier/model/lexicon.json: always what lexicon-data.ts
 * compiles to, and decoded (lazily) into a matcher that finds exactly the same hits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledLexiconJson, LEXICON_PATH } from '../../../scripts/lib/classifier-lexicon';
import {
  buildMatcher,
  type CompiledLexicon,
  decodeMatcher,
  encodeMatcher,
  expandAlternations,
  type Hit,
  matchAll,
} from '../../../src/classifier/lexicon';
import { LEXICON } from '../../../src/classifier/lexicon-data';
import { fold, tokenize, tokens } from '../../../src/classifier/text';

const shipped = readFileSync(LEXICON_PATH, 'utf8');

describe('compiled lexicons (model/lexicon.json)', () => {
  it('are what lexicon-data.ts compiles to', () => {
    expect(
      shipped === compiledLexiconJson(),
      'src/classifier/model/lexicon.json is out of date with lexicon-data.ts (or lexicon.ts): ' +
        'regenerate it with `npm run train -- --lexicon` (no dev data needed), or retrain with `npm run train`.',
    ).toBe(true);
  });

  it('decode into the matcher they were encoded from', () => {
    const file = JSON.parse(shipped) as CompiledLexicon;
    expect(encodeMatcher(decodeMatcher(file))).toEqual(file);
  });

  it('find the same hits as the lexicons compiled at run time, on every phrase variant', () => {
    const compiled = buildMatcher(LEXICON);
    const decoded = decodeMatcher(JSON.parse(shipped) as CompiledLexicon);
    // Each phrase's variants (a few per phrase) as text, between other words, plus the French check set.
    const texts = LEXICON.flatMap((g) =>
      g.phrases.flatMap((p) =>
        expandAlternations(p.replace(/=[\d.]+$/, ''))
          .slice(0, 12)
          .map((v) => `oui ${v.replace(/~/g, 'bon ben').replace(/#+/g, '12').replace(/\*/g, 'es')} ok`),
      ),
    );
    const checkSet = readFileSync(new URL('./fr-check.jsonl', import.meta.url), 'utf8');
    for (const l of checkSet.split('\n')) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
    const hits = (m: typeof compiled, text: string) => {
      const n = tokenize(fold(text).text);
      const out: Hit[] = [];
      matchAll(m, tokens, n, out);
      return out.map(
        (h) => `${h.entry.id} ${h.entry.kind} ${h.entry.label} ${h.entry.weight} ${h.start}-${h.end}`,
      );
    };
    let total = 0;
    for (const t of texts) {
      const want = hits(compiled, t);
      total += want.length;
      expect(hits(decoded, t), t).toEqual(want);
    }
    expect(total).toBeGreaterThan(texts.length);
  });
});
