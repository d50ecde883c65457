/** The build's ASCII-only output: the escaped program computes what the original did. */
import { describe, expect, it } from 'vitest';
import { escapeNonAscii } from '../../../scripts/lib/ascii-output';

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
