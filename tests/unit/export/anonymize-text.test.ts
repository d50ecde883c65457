import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueKind } from '../../../src/export/anonymize-closed';
import { digitTokens } from '../../../src/export/anonymize-patterns';
import { createRedactor, nameTokens } from '../../../src/export/anonymize-text';
import { CUE_KINDS } from '../../../src/shared/comment';

const redact = createRedactor(
  ['Héloïse Dupont-Marchal', 'troll_du_75', 'Jo Wu', 'Al Fontaine', 'jo_li', 'Bo'],
  ['https://www.facebook.com/MaMarquePage/posts/123'],
);

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

  it.each([
    // Short parts: inside their full name, or next to a longer part of it; never alone.
    ['merci Jo Wu, et jo-wu, et JO WU.', 'merci [NAME] [NAME], et [NAME]-[NAME], et [NAME] [NAME].'],
    ['jo est venu, wu aussi, bo aussi', 'jo est venu, wu aussi, bo aussi'],
    ['Al Fontaine et al fontaine; Fontaine al dente', '[NAME] [NAME] et [NAME] [NAME]; [NAME] [NAME] dente'],
    ['al dente, à la fontaine', 'al dente, à la [NAME]'],
    ['jo li et Jo Li', '[NAME] [NAME] et [NAME] [NAME]'],
    // Compatibility letters, full width, stacked marks, ligatures: folded for matching, placeholders in place.
    ['𝐃𝐮𝐩𝐨𝐧𝐭 et 𝕯𝖚𝖕𝖔𝖓𝖙 sont là', '[NAME] et [NAME] sont là'],
    ['Ｄｕｐｏｎｔ－Ｍａｒｃｈａｌ !', '[NAME]－[NAME] !'],
    ['D̸u̸p̸o̸n̸t̸ encore', '[NAME] encore'],
    ['ＨÉＬＯÏＳＥ', '[NAME]'],
    ['appelez le ０６ １２ ３４ ５６ ７８ ou ＠troll_du_75', 'appelez le [PHONE] ou [HANDLE]'],
    ['écrivez à ｊｅａｎ＠ｅｘｅｍｐｌｅ．ｆｒ merci', 'écrivez à [EMAIL] merci'],
    ['𝐉𝐨 𝐖𝐮 ✨ 𝐆𝐫𝐚𝐧𝐝', '[NAME] [NAME] ✨ 𝐆𝐫𝐚𝐧𝐝'],
    ['ｍａｍａｒｑｕｅｐａｇｅ …', '[NAME] …'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('finds exactly the reference tokens that hold a digit, at the same places', () => {
    // What a reference token is: letters and digits joined by single -_/., after an optional #.
    const chains = /#?[\p{L}\p{N}]+(?:[-_/.][\p{L}\p{N}]+)*/gu;
    const withDigit = (text: string) =>
      [...text.matchAll(chains)]
        .filter((match) => /\p{N}/u.test(match[0]))
        .map((match) => `${match.index}:${match[0]}`);
    const direct = (text: string) =>
      [...digitTokens(text)].map(([start, end]) => `${start}:${text.slice(start, end)}`);
    const alphabet = [
      'a',
      'B',
      'é',
      '1',
      '9',
      '٣',
      '𝟙',
      '𐐀',
      '#',
      '-',
      '_',
      '/',
      '.',
      ' ',
      ',',
      '@',
      '[',
      '\u0001',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(direct(text)).toEqual(withDigit(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps every character it does not redact as written', () => {
    const text = 'Ｌｅ ｓｅｒｖｉｃｅ… « ２ｅ » fois, 𝐍𝐔𝐋 ! ﬁn ①';
    expect(redact(text)).toBe(text);
  });
});

describe('the leaks of issue 16 are gone', () => {
  const redactWithNames = createRedactor([
    'Jean Dupont',
    'apolline_tessandier',
    'Lucienne Vautrelle',
    'ElodieMarchetti',
    'Дмитро Коваль',
  ]);

  it.each([
    // Invisible characters inside a word: zero-width space, soft hyphen, word joiner, byte-order mark.
    ['Je\u200ban Dup\u200bont', '[NAME] [NAME]'],
    ['Jean Dupo\u00adnt !', '[NAME] [NAME] !'],
    ['J\u2060ean D\ufeffupont', '[NAME] [NAME]'],
    // Look-alikes NFKC leaves: Cyrillic, Greek capitals, small capitals, mixed.
    ['Јеаn Duроnt', '[NAME] [NAME]'],
    ['DUΡΟΝΤ', '[NAME]'],
    ['ᴊᴇᴀɴ ᴅᴜᴘᴏɴᴛ', '[NAME] [NAME]'],
    ['ᴊеаn dᴜpont', '[NAME] [NAME]'],
    // Case does not matter in other scripts either.
    ['ДМИТРО коваль', '[NAME] [NAME]'],
    // Every part of a handle: apolline_tessandier, ElodieMarchetti.
    ['Apolline Tessandier est là', '[NAME] [NAME] est là'],
    ['tessandier encore', '[NAME] encore'],
    ['Élodie marchetti', '[NAME] [NAME]'],
    // E-mails written out or spelled, bare domains by the public suffix list.
    ['lucienne dot vautrelle at laposte dot net', '[EMAIL]'],
    ['écris à luc.v(at)laposte.net merci', 'écris à [EMAIL] merci'],
    ['luc.v [at] laposte [dot] net', '[EMAIL]'],
    ['luc.v @ laposte . net', '[EMAIL]'],
    ['luc arobase laposte point net', '[EMAIL]'],
    ['LUC AT LAPOSTE DOT NET', '[EMAIL]'],
    ['luc {at} laposte {point} fr.', '[EMAIL].'],
    ['mail : luc at laposte dot net. Merci', 'mail : [EMAIL]. Merci'],
    ['voir boutique-vautrelle.ovh', 'voir [URL]'],
    ['vautrelle.social !', '[URL] !'],
    ['boutique-vautrelle.co.uk/contact.', '[URL].'],
    ['boutique-vautrelle(dot)ovh', '[URL]'],
    // Streets without a number.
    ["j'habite rue des Kanarilles", "j'habite [ADDRESS]"],
    ["j'habite rue des kanarilles", "j'habite [ADDRESS]"],
    ['avenue Foch', '[ADDRESS]'],
    ['chemin des Vignes', '[ADDRESS]'],
    ['près du boulevard de la république', 'près du [ADDRESS]'],
    ['Baker Street', '[ADDRESS]'],
    ['I live on Elm Road', 'I live on [ADDRESS]'],
    ['on baker street? no, Baker street', 'on baker street? no, [ADDRESS]'],
  ])('%s', (text, expected) => {
    expect(redactWithNames(text)).toBe(expected);
  });

  it.each([
    'au cours des années, à la place de la direction',
    'la rue est calme, une rue de ma ville',
    'le chemin de fer, en route pour la gare',
    'The road was long, no way. La place est libre.',
    "C'est nul.Je pars, on se voit at noon",
    'photo.jpg et doc.pdf',
  ])('leaves ordinary words alone: %s', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('phones, plates, postcodes and domains written otherwise', () => {
  it.each([
    // Swiss and Belgian numbers with an area code before a slash.
    ['mon natel 079/123 45 67, merci', 'mon natel [PHONE], merci'],
    ['bureau : 02/512.34.56', 'bureau : [PHONE]'],
    // Digits of other scripts read as digits.
    ['appelez le ٠٦ ١٨ ٩٠ ٨١ ٩٩ ce soir', 'appelez le [PHONE] ce soir'],
    ['ou le ०६ १८ ९० ८१ ९९', 'ou le [PHONE]'],
    // Car plates: French with spaces, British.
    ['la voiture AB 123 CD est garée là', 'la voiture [NUMBER] est garée là'],
    ['UK plate AB12 CDE, or AB12CDE', 'UK plate [NUMBER], or [NUMBER]'],
    // British and Canadian postcodes, a French postcode written in two.
    ['London SW1A 1AA, then M1 1AE', 'London [ADDRESS], then [ADDRESS]'],
    ['Montréal H2X 1Y4 ou h2x 1y4', 'Montréal [ADDRESS] ou [ADDRESS]'],
    // Written in one part, they are references.
    ['SW1A1AA ou H2X1Y4', '[NUMBER] ou [NUMBER]'],
    ['au 75 011 Paris', 'au [ADDRESS]'],
    // Domains spelled out or defanged.
    ['écrivez à canaryshop dot com', 'écrivez à [URL]'],
    ['voir canaryshop[.]fr ou canaryshop (.) be', 'voir [URL] ou [URL]'],
    ['sur canaryshop . fr !', 'sur [URL] !'],
    ['canaryshop (point) fr', '[URL]'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'Posté à 14h32, 3 fois, 25/11 à 9h, 1/2 heure, chapitre 12/40.',
    'J’ai 12 000 abonnés, 2 000 euros de perdus, 45 000 km.',
    'En 4G, sur M6 et TF1, format A4, RER B, la COVID 19, la PS5.',
    'C’est fini . la suite demain. Il est nul . top du top.',
    'The dot com bubble, and I code in dot net. Good point, fr.',
    'Le point net, au point com pour rien, un bon point.',
    'ON A FAIT 300 KM POUR RIEN, NUL !',
  ])('leaves ordinary sentences alone: %s', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('cue kinds', () => {
  it.each([
    [{ kind: 'insult', quote: 'connard' }, 'insult'],
    [{ kind: 'shouting' }, 'shouting'],
    [{ kind: 'empty' }, 'empty'],
    [{ kind: 'exclamations', count: 4 }, 'exclamations'],
    [{ kind: 'complaint_delivery', quote: 'colis' }, 'complaint_delivery'],
    // A cue kept from before typed cues: its text may name anyone.
    [{ kind: 'legacy', quote: 'mentions dupont' }, 'other'],
    [{ kind: 'Insult', quote: '@x' }, 'other'],
    [{ kind: 'insult ' }, 'other'],
    [{ kind: 'LEAKYCUE', quote: 'x' }, 'other'],
    [{ kind: 'é', quote: 'x' }, 'other'],
    [{ kind: 42 }, 'other'],
    [{ quote: 'insult' }, 'other'],
    [{}, 'other'],
    // Cues of an old backup that skipped the upgrade: text, never parsed.
    ["insult: 'connard'", 'other'],
    ['shouting', 'other'],
    [null, 'other'],
    [['insult'], 'other'],
  ])('%j → %s', (cue, kind) => {
    expect(cueKind(cue)).toBe(kind);
  });

  it('keeps every kind the extension writes, the legacy text aside', () => {
    for (const kind of CUE_KINDS) {
      expect(cueKind({ kind, quote: 'Dupontel', count: 3 })).toBe(kind === 'legacy' ? 'other' : kind);
    }
  });
});
