import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classifier/index';
import { MAX_CHARS } from '../../../src/classifier/text';
import { expectValid } from './helpers';

/** Deterministic pseudo-random UTF-16 garbage, including lone surrogates and control characters. */
function garbage(seed: number, length: number): string {
  let a = seed >>> 0;
  const rnd = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a;
  };
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(rnd() & 0xffff);
  return s;
}

/**
 * Bounded time, as a guard against a blow-up (a regex gone quadratic, an uncapped text), not a speed goal:
 * the speed figures are in `npm run bench:classifier`. Loose enough for a loaded 2-core CI machine.
 */
const BOUND_MS = 1_000;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('bad input never throws and stays bounded', () => {
  it('empty and whitespace-only text → neutral, no language, explained', () => {
    for (const t of ['', ' ', '\n\t  \r\n', '\u00a0\u2003', '\u200b\u200b']) {
      const c = classify(t);
      expectValid(c);
      expect(c.label).toBe('neutral');
      expect(c.lang).toBe('und');
      expect(c.intensity).toBe(0);
      expect(c.cues.length).toBeGreaterThan(0);
    }
  });

  it('a 1 MB text is classified from its beginning and end, in bounded time, and says so', () => {
    const big = `Votre service client de merde, toujours pas reçu mon colis. ${'blabla '.repeat(150_000)}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    classify(big); // warm-up
    const { value: c, ms } = timed(() => classify(big));
    expectValid(c);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(c.label).not.toBe('neutral');
    expect(c.cues).toContainEqual({ kind: 'partly_read', count: big.length });
  });

  it('a threat at the end of a long text is seen, and the cue says the middle was skipped', () => {
    const c = classify(
      `${'Bonjour à toute l’équipe. '.repeat(MAX_CHARS / 20)} Je sais où tu habites, je vais te casser la gueule.`,
    );
    expect(c.label).toBe('threat');
    expect(c.cues.some((cue) => cue.kind === 'partly_read')).toBe(true);
  });

  it('zalgo text is read through its combining marks', () => {
    const zalgo = 'c̷̡̛o̸̢͝n̶̨̛n̵̡͠a̷̧͝r̸̨̛d̶̢͝ ̸j̷e̴ ̵s̸a̶i̸s̴ ̵o̸ù̶ ̴t̸u̶ ̷h̸a̶b̴i̵t̶e̷s̸'.repeat(1);
    const { value: c, ms } = timed(() => classify(zalgo.repeat(200)));
    expectValid(c);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(classify(zalgo).label).toBe('threat');
  });

  it('zero-width characters cannot hide an insult or a threat', () => {
    const c = classify('con\u200bnard, je\u200d sais\u2060 où tu\ufeff habites');
    expectValid(c);
    expect(c.label).toBe('threat');
    expect(c.cues.some((cue) => cue.kind === 'threat_location')).toBe(true);
  });

  it('right-to-left overrides are ignored and stripped from cues', () => {
    const c = classify('\u202eje vais te buter\u202c \u2067connard\u2069');
    expectValid(c);
    expect(c.label).toBe('threat');
    for (const cue of c.cues) expect(cue.quote ?? '').not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('emoji-only comments are handled (mocking emoji read as such)', () => {
    const rolls = classify('🙄🙄🙄');
    expectValid(rolls);
    expect(rolls.lang).toBe('und');
    expect(rolls.cues.some((c) => c.quote?.includes('🙄'))).toBe(true);
    const knife = classify('🔪🔪🔪💀');
    expectValid(knife);
    expect(knife.scores.threat).toBeGreaterThan(classify('👍👍').scores.threat);
    expectValid(classify('👨‍👩‍👧‍👦🏳️‍🌈🇫🇷'));
  });

  it('mixed French/English comments still find both kinds of evidence', () => {
    const c = classify('Still waiting mon colis depuis 3 semaines, customer service injoignable wtf');
    expectValid(c);
    expect(c.label).toBe('unhappy_customer');
    expect(['fr', 'en']).toContain(c.lang);
  });

  it('random bytes and lone surrogates never throw', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const t = garbage(seed, 50 + seed * 40);
      const { value: c, ms } = timed(() => classify(t));
      expectValid(c);
      expect(ms).toBeLessThan(BOUND_MS);
    }
    for (const t of ['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '\u0000\u0001\u0002', '\uffff\ufffe']) {
      expectValid(classify(t));
    }
  });

  it('non-string input (from untyped callers) does not throw', () => {
    const loose = classify as (t: unknown) => ReturnType<typeof classify>;
    for (const v of [undefined, null, 42, {}, ['je vais te buter']]) expectValid(loose(v));
  });

  it('HTML entities and full-width or math letters are folded', () => {
    for (const text of ['&#128514;&#128514; connard', 'ｃｏｎｎａｒｄ', '𝐜𝐨𝐧𝐧𝐚𝐫𝐝'])
      expect(classify(text).label).toBe('troll');
  });
});
