/**
 * The phrase matcher (a word trie of the plain alternatives and of where the complex branches may match)
 * finds exactly the phrases a plain scan of every pattern finds, over the authored training corpus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHORED_FILES, loadAuthored } from '../../../scripts/lib/classifier-data';
import { PHRASE_MATCHER_PATH, phraseMatcherJson } from '../../../scripts/lib/threat-verbs';
import { analyze, namedFeature, phraseSource } from '../../../src/classifier/engine';
import {
  buildMatcher,
  compileExpression,
  decodeMatcher,
  type EncodedMatcher,
  encodeMatcher,
  expressionEnd,
  findPhrases,
} from '../../../src/classifier/phrase-index';
import { PHRASES } from '../../../src/classifier/phrases';
import { fold, tokenize, tokens } from '../../../src/classifier/text';

const byFeature = new Map(PHRASES.map((p, i) => [namedFeature(`phrase:${p.pattern}`), i]));
const scans = PHRASES.map((p) => new RegExp(phraseSource(p.pattern)));
const committed = decodeMatcher(JSON.parse(readFileSync(PHRASE_MATCHER_PATH, 'utf8')) as EncodedMatcher);

describe('phrase matcher', () => {
  it('is compiled from the current phrases (model/phrases.json is up to date)', () => {
    expect(readFileSync(PHRASE_MATCHER_PATH, 'utf8')).toBe(phraseMatcherJson());
  });

  it('finds exactly the phrases a full scan finds', () => {
    const texts = AUTHORED_FILES.flatMap((f) => loadAuthored(f).map((d) => d.text));
    expect(texts.length).toBeGreaterThan(4_000);
    let compared = 0;
    for (const text of texts) {
      const n = tokenize(fold(text).text);
      const found = new Set<number>();
      findPhrases(committed, tokens, n, (phrase) => {
        found.add(byFeature.get(committed.phrases[phrase]?.feature as number) as number);
      });
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
  const matcher = decodeMatcher(
    encodeMatcher(
      buildMatcher(
        patterns,
        patterns.map((_, i) => ({ kind: 'insult', feature: i })),
      ),
    ),
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

/**
 * A complex branch's expression is not a RegExp (see "branch expressions" in phrase-index.ts): at every word
 * of a line it must match where the sticky RegExp matches, and end where it ends.
 */
describe('branch expressions', () => {
  const { branches } = JSON.parse(readFileSync(PHRASE_MATCHER_PATH, 'utf8')) as EncodedMatcher;
  const constructs = [
    '(a|a b)? ?c',
    '(?:x|)*y',
    '(?:a|ab)+b',
    '(?: \\w+){1,3}$',
    'a.{0,5}b{2,}',
    '(ab\\w*|a|\\w+|)b',
  ];
  const sources = [...branches.map(([, source]) => source), ...constructs];

  /** How many times `source` matches at a word of `lines`; each difference from the RegExp goes to `wrong`. */
  function sameEnds(source: string, lines: readonly string[], wrong: string[]): number {
    const re = new RegExp(phraseSource(source), 'y');
    const expression = compileExpression(phraseSource(source));
    let matched = 0;
    for (const line of lines)
      for (let pos = 0; pos < line.length - 1; pos++) {
        if (line[pos] !== ' ') continue;
        re.lastIndex = pos;
        const m = re.exec(line);
        const end = m ? m.index + m[0].length : -1;
        if (expressionEnd(expression, line, pos) !== end) wrong.push(`${source} at ${pos} of "${line}"`);
        if (end >= 0) matched++;
      }
    return matched;
  }

  it("ends where the RegExp ends, on the phrases' examples and authored comments", () => {
    const texts = [
      ...PHRASES.flatMap((p) => [p.match, p.not]),
      ...AUTHORED_FILES.flatMap((f) => loadAuthored(f).map((d) => d.text)).filter((_, i) => i % 25 === 0),
    ];
    const lines = texts.map((text) => {
      tokenize(fold(text).text);
      return ` ${tokens.join(' ')} `;
    });
    const wrong: string[] = [];
    let matched = 0;
    for (const source of sources) matched += sameEnds(source, lines, wrong);
    expect(wrong).toEqual([]);
    expect(matched).toBeGreaterThan(500);
  }, 60_000);

  it('ends where the RegExp ends, on lines made of its own words', () => {
    let seed = 1;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const wrong: string[] = [];
    let matched = 0;
    for (const source of sources) {
      const words = [...new Set(source.match(/[a-z0-9]+/g) ?? [])];
      // Its words, their plurals and prefixes, numbers and non-ASCII letters.
      const pool = [
        ...words,
        ...words.map((w) => `${w}s`),
        ...words.map((w) => w.slice(0, -1)),
        '12',
        'é',
        'ж',
      ];
      const lines = Array.from({ length: 200 }, () => {
        const line = Array.from({ length: 1 + random(8) }, () => pool[random(pool.length)] as string);
        return ` ${line.join(' ')} `;
      });
      matched += sameEnds(source, lines, wrong);
    }
    expect(wrong).toEqual([]);
    expect(matched).toBeGreaterThan(1_000);
  }, 60_000);
});
