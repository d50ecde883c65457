import { describe, expect, it } from 'vitest';
import {
  createPseudonymiser,
  hmacSha256,
  sha256,
  studyPseudonymKey,
} from '../../../src/export/anonymize-hmac';
import {
  createCueKinds,
  createRedactor,
  nameTokens,
  pathNameTokens,
} from '../../../src/export/anonymize-text';

const redact = createRedactor([
  ...nameTokens('Héloïse Dupont-Marchal'),
  ...nameTokens('troll_du_75'),
  ...pathNameTokens('https://www.facebook.com/MaMarquePage/posts/123'),
]);

describe('redaction into typed placeholders', () => {
  it.each([
    ['@troll_du_75 et @autre.compte', '[HANDLE] et [HANDLE]'],
    ['merci heloise DUPONT-marchal et Héloïse', 'merci [NAME] [NAME]-[NAME] et [NAME]'],
    ['troll_du_75 encore, MaMarquePage nulle', '[NAME] encore, [NAME] nulle'],
    ['fan_de_heloise et dupont_officiel', '[NAME] et [NAME]'],
    ['écrire à prenom.nom+sav@exemple.co.uk.', 'écrire à [EMAIL].'],
    ['06 12 34 56 78 / 06.12.34.56.78 / 0612345678', '[PHONE] / [PHONE] / [PHONE]'],
    ['+33 6 12 34 56 78, +1 (212) 555-0100, 0044 20 7946 0958', '[PHONE], [PHONE], [PHONE]'],
    ['voir https://shop.example/a?b=1, www.site.org et example.com/x.', 'voir [URL], [URL] et [URL].'],
    [
      'commande CMD-12345, ticket #A12B34, compte 4567',
      'commande [NUMBER], ticket [NUMBER], compte [NUMBER]',
    ],
    ['au 12 bis rue de la Paix, 75002 Paris', 'au [ADDRESS], [ADDRESS]'],
    ['10 Downing Street. Puis 3 av. Foch', '[ADDRESS]. Puis [ADDRESS]'],
    ['devant la Place Bellecour', 'devant la [ADDRESS]'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('leaves ordinary words, small numbers and clock times alone', () => {
    const text = "J'attends depuis 3 jours et 12h30, c'est la 2e fois, en 4G, la rue est calme. Nul !";
    expect(redact(text)).toBe(text);
  });

  it('does not turn short name parts or function words into names', () => {
    expect(nameTokens('Jo de La Fontaine')).toEqual(['fontaine']);
  });
});

describe('cue kinds', () => {
  it.each([
    ["insult: 'connard'", 'insult'],
    ['shouting: mostly capital letters', 'shouting'],
    ['empty text', 'empty text'],
    ['mentions dupont', 'other'],
    ["Insulte: '@x'", 'insulte'],
    ['é: x', 'other'],
  ])('%s → %s', (cue, kind) => {
    expect(createCueKinds(redact)(cue)).toBe(kind);
  });
});

describe('keyed hashes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const hex = (data: Uint8Array | ArrayBuffer) => Buffer.from(new Uint8Array(data)).toString('hex');

  it('SHA-256 and HMAC-SHA-256 agree with WebCrypto, across block boundaries and long keys', async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 200]) {
      const message = bytes('é'.repeat(length));
      expect(hex(sha256(message))).toBe(hex(await crypto.subtle.digest('SHA-256', message)));
      const key = bytes('k'.repeat(length + 3));
      const webKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      expect(hex(hmacSha256(key, message))).toBe(hex(await crypto.subtle.sign('HMAC', webKey, message)));
    }
  });

  it('separates prefixes and study keys', () => {
    const pseudonym = createPseudonymiser(studyPseudonymKey('study'));
    expect(pseudonym('p', 'x:@a')).toBe(createPseudonymiser(studyPseudonymKey('study'))('p', 'x:@a'));
    expect(pseudonym('p', 'x:@a').slice(2)).not.toBe(pseudonym('t', 'x:@a').slice(2));
    expect(pseudonym('p', 'x:@a')).not.toBe(createPseudonymiser(studyPseudonymKey('other'))('p', 'x:@a'));
  });
});
