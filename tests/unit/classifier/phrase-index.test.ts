/**
 * The phrase matcher (a word trie of the plain alternatives and of where the complex branches may match)
 * finds exactly the phrases a plain scan of every pattern finds, over the authored training corpus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHORED_FILES, loadAuthored } from '../../../scripts/lib/classifier-data';
import { PHRASE_MATCHER_PATH, phraseMatcherJson } from '../../../scripts/lib/threat-verbs';
import { analyze, namedFeature, phraseSource } from '../../../src/classifier/engine';
import { buildMatcher, findPhrases } from '../../../src/classifier/phrase-index';
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

/**
 * Constructs the corpus rarely meets, each read into trie paths: a found phrase must be one a full scan
 * finds, at the word where the expression matches first and ending where it ends (the cue quotes it).
 */
describe('phrase matcher on constructs', () => {
  const patterns = [
    'rep\\w*ndez (moi|nous)',
    '(ce|it) \\w* ?(me tue|kills me)',
    'hope(?: \\w+){0,3} die\\w*',
    '(?:\\d+|un|une) (jour|jours|days)',
    '\\d{1,3} (bis )?rue \\w+',
    '(aucun|pas de) (rendez vous|creneau) ',
    '(votre|vos) pubs?',
    '(decu\\w*|decu\\w* de|tres decu)',
    '(a|a b) c',
    '^ ?(bonjour|salut)? ?(est ce que|comment)',
    'mort (?!de rire)\\w*',
    'prix (casse|canon)\\w*',
  ];
  const matcher = buildMatcher(
    patterns,
    patterns.map((_, i) => ({ kind: 'insult', feature: i })),
  );
  const texts = [
    'repondez nous vite',
    'reponDEZ moi',
    'rep nous',
    'ce truc me tue',
    'ce me tue',
    'ce xme tue',
    'it kills me',
    'i hope you die',
    'hope the app dies now',
    'hope a b c d die',
    '12 jours sans reponse',
    'une jour',
    '3e jour',
    '12 bis rue des lilas',
    '1234 rue x',
    'pas de rendez vous',
    'aucun creneau ',
    'vos pub',
    'vos pubs et vos publicites',
    'tres decu de vous',
    'decus de vous',
    'decuж de vous',
    'vos pubж',
    'prix canonж',
    'prix canonж prix canon',
    'a b c',
    'a c',
    'salut comment',
    'comment ca va',
    'mort de rire',
    'mort de faim',
    'prix cassés',
    'prix canonissime',
  ];
  it('finds what a full scan finds, where it finds it', () => {
    const expressions = patterns.map((p) => new RegExp(phraseSource(p), 'y'));
    for (const text of texts) {
      analyze(text);
      const n = tokens.length;
      const line = ` ${tokens.join(' ')} `;
      const expected: [number, number, number][] = [];
      patterns.forEach((p, i) => {
        let offset = 0;
        for (let w = 0; w < n; w++) {
          const re = expressions[i] as RegExp;
          re.lastIndex = offset;
          const m = re.exec(line);
          if (m) {
            const endOffset = m.index + m[0].length;
            expected.push([i, w, line.slice(0, endOffset).split(' ').length - 1]);
            return;
          }
          offset += (tokens[w] as string).length + 1;
          if (p.startsWith('^')) return;
        }
      });
      const found: [number, number, number][] = [];
      findPhrases(matcher, tokens, n, (phrase, start, end) => found.push([phrase, start, end]));
      expect(
        found.sort((x, y) => x[0] - y[0]),
        text,
      ).toEqual(expected);
    }
  });
});
