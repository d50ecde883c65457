/**
 * Property-based tests (fast-check): whatever the string, `classify` never throws, returns a valid
 * result and stays bounded in time. Generators cover any UTF-16 unit (lone surrogates included), emoji and
 * combining marks (zalgo), bidi overrides and zero-width characters, lexicon words mixed into noise, and
 * long texts beyond the 5,000-character cap.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/classifier/index';
import { expectValid } from './helpers';

/** Fixed seed: the run is reproducible; a failure prints the counter-example and the seed. */
const RUNS = { seed: 20261125, numRuns: 300 };
/** A guard against a blow-up on odd input, not a speed goal (npm run bench:classifier): loose for a loaded CI. */
const MAX_MS = 500;

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const combining = fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c));
const invisible = fc.constantFrom(
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2060',
  '\ufeff',
  '\u00ad',
);
const emoji = fc.constantFrom('🙄', '😂', '🔪', '💀', '👏', '🙂', '🤡', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '❤️', '👍🏽');
const words = fc.constantFrom(
  'je vais te',
  'buter',
  'sais où tu habites',
  'commande',
  'toujours pas reçu',
  'connard',
  'merci',
  'killing me',
  'I will kill you',
  'refund',
  '12 rue',
  'c nul',
  'jsuis',
  '(',
  ')',
  '|',
  '~',
  '#',
  '*',
  '=0.5',
  '&#128514;',
  '&amp;',
  'https://t.co/x',
  '@AcmeSupport',
  "l'",
  '…',
  '!!!',
  '???',
);

/** Zalgo: letters each followed by a stack of combining marks. */
const zalgo = fc
  .array(
    fc.tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéàç '.split('')),
      fc.array(combining, { maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.map(([c, marks]) => c + marks.join('')).join(''));

/** A mixture of everything above. */
const mixed = fc
  .array(fc.oneof(anyUnit, combining, invisible, emoji, words, fc.string({ unit: 'binary', maxLength: 8 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''));

/** Long texts: a short pattern repeated past the character cap (up to ~60,000 characters). */
const long = fc
  .tuple(fc.oneof(mixed, words, zalgo), fc.integer({ min: 50, max: 3000 }))
  .map(([s, times]) => (s || 'x').repeat(times).slice(0, 60_000));

/** A right-to-left override or isolate wrapped around text. */
const rtl = fc
  .tuple(
    fc.constantFrom('\u202e', '\u202b', '\u2067', '\u2068'),
    mixed,
    fc.constantFrom('\u202c', '\u2069', ''),
  )
  .map(([open, body, close]) => `${open}${body}${close}`);

function checkValid(text: string): void {
  const t = performance.now();
  const c = classify(text);
  const ms = performance.now() - t;
  expect(ms).toBeLessThan(MAX_MS);
  expectValid(c);
  // Cues quote the comment without its invisible or direction-changing characters.
  for (const cue of c.cues)
    expect(cue.quote ?? '').not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/);
  // Safety invariant: a threat cue never comes with a neutral label.
  if (
    c.cues.some((cue) => cue.kind === 'threat' || cue.kind === 'incitement' || cue.kind === 'threat_location')
  )
    expect(c.label).not.toBe('neutral');
}

describe('classify: properties over generated strings', () => {
  // The first call decodes the model and the lexicons (measured by `npm run bench:classifier`).
  beforeAll(() => {
    classify('warm-up');
  });

  it('any UTF-16 string (lone surrogates, controls, any code point)', () => {
    fc.assert(fc.property(fc.string({ unit: anyUnit, maxLength: 400 }), checkValid), RUNS);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkValid), RUNS);
  });

  it('zalgo text', () => {
    fc.assert(fc.property(zalgo, checkValid), RUNS);
  });

  it('right-to-left overrides, zero-width characters, emoji and lexicon words mixed', () => {
    fc.assert(fc.property(rtl, checkValid), RUNS);
    fc.assert(fc.property(mixed, checkValid), RUNS);
  });

  it('long strings beyond the character cap say that they were partly read', () => {
    fc.assert(
      fc.property(long, (text) => {
        checkValid(text);
        if (text.length > 5000) expect(classify(text).cues.some((c) => c.kind === 'partly_read')).toBe(true);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it('is deterministic: the same text gives the same result, whatever ran in between', () => {
    fc.assert(
      fc.property(mixed, mixed, (a, b) => {
        const first = classify(a);
        classify(b);
        expect(classify(a)).toEqual(first);
      }),
      { ...RUNS, numRuns: 150 },
    );
  });

  it('invisible characters and bidi controls inside words change nothing', () => {
    const base = fc.constantFrom(
      'je sais où tu habites',
      'connard',
      'ma commande est toujours pas arrivée',
      'I will kill you',
      'merci beaucoup',
    );
    fc.assert(
      fc.property(base, fc.array(invisible, { minLength: 1, maxLength: 6 }), fc.nat(), (text, marks, at) => {
        const i = at % (text.length + 1);
        const noisy = text.slice(0, i) + marks.join('') + text.slice(i);
        const ref = classify(text);
        const got = classify(noisy);
        // Inside a word they vanish; between words they are ignored: the label never changes.
        expect(got.label).toBe(ref.label);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
