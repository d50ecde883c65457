import { describe, expect, it } from 'vitest';
import { decodeModel, quantize, weightAt } from '../../../src/classifier/model-codec';
import { fold, tokenize, tokens } from '../../../src/classifier/text';

function toks(s: string): string[] {
  const n = tokenize(fold(s).text);
  return tokens.slice(0, n);
}

describe('normalisation', () => {
  it('lower-cases, strips accents and ligatures', () => {
    expect(toks('Ça SUFFIT, œuvre DÉÇUE')).toEqual(['ca', 'suffit', 'oeuvre', 'decue']);
  });

  it('splits French elisions', () => {
    expect(toks("J'ai reçu l'article qu'il m’a envoyé")).toEqual([
      'j',
      'ai',
      'recu',
      'l',
      'article',
      'qu',
      'il',
      'm',
      'a',
      'envoye',
    ]);
  });

  it('folds elongations but keeps double letters', () => {
    expect(toks('nuuuuul connaaaard cool !!!!!')).toEqual(['nul', 'connard', 'cool']);
  });

  it('maps emoji to tokens and gives links none', () => {
    expect(toks('génial 🙄 https://t.co/AbC 😡')).toEqual(['genial', 'emoeyeroll', 'emoangry']);
    expect(toks('@Telonia merci www.telonia.fr/aide')).toEqual(['telonia', 'merci']);
    expect(toks('rdv @ 14h')).toEqual(['rendez', 'vous', '14h']);
    expect(toks('John W. Morgan, HTTP')).toEqual(['john', 'w', 'morgan', 'http']);
  });

  it('reads any other emoji as a word of its own, spelt in letters', () => {
    expect(toks('merci 🙃 🥶 ✈️ 🙃')).toEqual(['merci', 'emobpged', 'emobpjhg', 'emochai', 'emobpged']);
  });

  it('reads ASCII emoticons as the emoji they stand for, not inside a link or a time', () => {
    expect(toks('merci :) encore en panne :( top ;-) mdr xD <3')).toEqual([
      'merci',
      'emopos',
      'encore',
      'en',
      'panne',
      'emosad',
      'top',
      'emobpgaj',
      'mdr',
      'emolaugh',
      'emopos',
    ]);
    expect(toks('https://t.co/x à 10:30 prix <3€ Xavier')).toEqual(['a', '10', '30', 'prix', '3', 'xavier']);
  });

  it('keeps a map from folded characters back to the original', () => {
    const f = fold('Où ÊTES-vous');
    const i = f.text.indexOf('etes');
    expect(f.original.slice(f.map[i], (f.map[i + 3] as number) + 1)).toBe('ÊTES');
  });
});

describe('model codec', () => {
  it('quantises to int8 with a per-class scale and decodes back', () => {
    const w = Float32Array.from({ length: 16 }, (_, i) => (i % 4 === 0 ? i / 10 : -i / 3));
    w[5] = -40; // the largest of its class: -127, a character outside ASCII
    const file = quantize(w, [0.1, 0.2, 0.3, 0.4], 2, 'test');
    const model = decodeModel(JSON.parse(JSON.stringify(file)));
    expect(model.w.length).toBe(16);
    for (let i = 0; i < 16; i++) {
      const back = weightAt(model.w, i) * (model.scale[i % 4] as number);
      expect(Math.abs(back - (w[i] as number))).toBeLessThanOrEqual(
        (model.scale[i % 4] as number) / 2 + 1e-9,
      );
    }
    expect(() => decodeModel({ ...file, bits: 3 })).toThrow();
  });
});
