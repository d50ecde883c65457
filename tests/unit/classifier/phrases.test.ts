/** Every phrase is data with an example it must match and one it must not, both read as comments are. */
import { describe, expect, it } from 'vitest';
import { phraseSource } from '../../../src/classifier/engine';
import { PHRASES } from '../../../src/classifier/phrases';
import { fold, tokenize, tokens } from '../../../src/classifier/text';

function foldedLine(text: string): string {
  tokenize(fold(text).text);
  return ` ${tokens.join(' ')} `;
}

describe('phrases', () => {
  it.each(PHRASES.map((p) => [p.kind, p.match, p.not, p.pattern] as const))(
    '%s: matches "%s", not "%s"',
    (_kind, match, not, pattern) => {
      const re = new RegExp(phraseSource(pattern));
      expect(re.test(foldedLine(match))).toBe(true);
      expect(re.test(foldedLine(not))).toBe(false);
    },
  );

  it('each pattern is listed once', () => {
    expect(new Set(PHRASES.map((p) => p.pattern)).size).toBe(PHRASES.length);
  });

  it('every pattern runs in linear time on 100 kB of its own worst words', () => {
    for (const p of PHRASES) {
      const words = [...new Set(p.pattern.match(/[a-z]+/g) ?? [])].join(' ');
      const line = ` ${`${words} `.repeat(Math.ceil(100_000 / (words.length + 1)))}`;
      const start = performance.now();
      new RegExp(phraseSource(p.pattern), 'g')[Symbol.match](line);
      // A guard against catastrophic backtracking (seconds), not a speed test: that lives in the bench.
      expect(performance.now() - start).toBeLessThan(2_000);
    }
  });
});
