/** The build's ASCII-only output: the escaped program computes what the original did. */
import { describe, expect, it } from 'vitest';
import { asciiOutput, escapeNonAscii } from '../../../scripts/lib/ascii-output';

/** Non-ASCII where the bundle has it: strings, templates, a `u` regular expression, String.raw, a name. */
const PROGRAM = String.raw`
  const café = 'crème brûlée 🔥';
  const emoji = { weapon: ${'`'}🔪🔫💣🗡⚔🪓🧨${'`'} };
  const fire = /[🔥💣]/u;
  const day = new RegExp(String.raw${'`'}^(?:le\s+)?(\d{1,2})\s+([a-zéû]+)${'`'});
  return [
    café,
    emoji.weapon.length,
    [...emoji.weapon].length,
    fire.test('ça 💣 ici'),
    fire.test('\ud83d'),
    day.exec('le 3 décembre')?.slice(1),
    day.test('le 3 d\u00e9cembre'),
    JSON.stringify('à €'),
  ];`;

describe('escapeNonAscii', () => {
  it('writes only ASCII', () => {
    expect(PROGRAM).toMatch(/[\u0080-\uffff]/);
    expect(escapeNonAscii(PROGRAM)).not.toMatch(/[\u0080-\uffff]/);
  });

  it('leaves the program computing the same values', () => {
    const run = (code: string) => new Function(code)() as unknown[];
    const before = run(PROGRAM);
    expect(run(escapeNonAscii(PROGRAM))).toEqual(before);
    expect(before).toEqual(['crème brûlée 🔥', 13, 7, true, false, ['3', 'décembre'], true, '"à €"']);
  });
});

describe('asciiOutput', () => {
  /** Runs the plugin on one emitted script, as the crx plugin's content script reaches it. */
  const emit = (source: string) => {
    const bundle = { 'content.js': { type: 'asset', fileName: 'content.js', source } };
    (asciiOutput().generateBundle as (this: unknown, o: unknown, b: unknown) => void).call({}, {}, bundle);
    return bundle['content.js'].source;
  };

  it('makes an emitted script ASCII', () => {
    expect(emit('var fire = "🔥", déjà = `déjà`;')).toBe(
      'var fire = "\\ud83d\\udd25", d\\u00e9j\\u00e0 = `d\\u00e9j\\u00e0`;',
    );
  });

  it('fails the build rather than ship a script that no longer parses', () => {
    expect(() => emit('var 𝐀 = 1;')).toThrow(/content\.js is no longer valid/);
  });
});
