/**
 * Behaviour the CM relies on, on sentences of our own that are in no training file (a test checks that):
 * quality itself is measured by `npm run eval` on data the model was not tuned on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHORED_FILES, authoredPath } from '../../../scripts/lib/classifier-data';
import { analyze, safetyRuleFires } from '../../../src/classifier/engine';
import { CLASSIFIER_VERSION, classify } from '../../../src/classifier/index';
import { expectValid } from './helpers';

/** The issue's own examples: each was misread by the hand-tuned classifier. */
const THREATS = [
  'Je te casse la bouche tu parleras plus jamais',
  "Je connais l'adresse de ta mère, continue comme ça",
  "La prochaine fois c'est pas un commentaire que je vous laisse, c'est une bombe dans la boutique",
  "I'm going to find whoever runs this account and break their legs",
];
/** Figures of speech that only sound violent. */
const FIGURES = [
  'ce prix me tue 😂',
  'une tuerie ce burger',
  'you guys are killing it',
  'je vais craquer pour la promo',
];

describe('the examples behind the issue', () => {
  it('are in no training file (so passing is not memory)', () => {
    const corpus = AUTHORED_FILES.map((f) => readFileSync(authoredPath(f), 'utf8').toLowerCase()).join('\n');
    for (const text of [...THREATS, ...FIGURES]) expect(corpus).not.toContain(text.toLowerCase());
  });

  it.each(THREATS)('threat: %s', (text) => {
    const c = classify(text);
    expectValid(c);
    expect(c.label).toBe('threat');
  });

  it.each(FIGURES)('not a threat: %s', (text) => {
    const c = classify(text);
    expectValid(c);
    expect(c.label).not.toBe('threat');
  });
});

describe('properties', () => {
  it('is deterministic (same input → identical output, whatever ran in between)', () => {
    const text = 'Votre SAV est nul, toujours pas reçu ma commande 😡';
    const a = classify(text);
    classify('je vais te buter');
    classify('x'.repeat(10_000));
    expect(classify(text)).toEqual(a);
  });

  it('names the classifier that labelled it', () => {
    expect(classify('ok').version).toBe(CLASSIFIER_VERSION);
    expect(CLASSIFIER_VERSION).toMatch(/^2\+[0-9a-f]{12}$/);
  });

  it('marks uncertain exactly when the top-2 margin is small or the top score is low', () => {
    for (const t of ['bof', 'mouais', 'Bonjour', 'merci beaucoup !', 'VOUS ÊTES NULS']) {
      const c = classify(t);
      const [top = 0, second = 0] = Object.values(c.scores).sort((a, b) => b - a);
      if (!c.cues.some((cue) => cue.kind === 'threat'))
        expect(c.uncertain).toBe(top - second < 0.2 || top < 0.5);
    }
  });

  it('intensity grows with insults, capitals and exclamation marks', () => {
    const calm = classify('Bonjour, une question sur ma commande');
    const hot = classify('BANDE DE CONNARDS, VOUS ÊTES DES ABRUTIS !!!');
    expect(hot.intensity).toBeGreaterThan(calm.intensity + 0.3);
    expect(hot.cues).toContainEqual({ kind: 'shouting' });
  });
});

describe('cues: typed, quoting the comment as written', () => {
  it('quote the original words with their accents and case', () => {
    const c = classify('Espèce de CONNARD, je sais où tu habites');
    expect(c.cues).toContainEqual({ kind: 'threat_location', quote: 'je sais où tu habites' });
  });

  it('a threat cue never comes with a neutral label', () => {
    for (const t of [...THREATS, 'Fais gaffe en sortant du boulot ce soir', 'I know where you live']) {
      const c = classify(t);
      if (c.cues.some((cue) => ['threat', 'incitement', 'threat_location'].includes(cue.kind)))
        expect(c.label).not.toBe('neutral');
    }
  });

  it('name the words behind a label that no phrase explains', () => {
    const text = 'Bande de charognards, vous vivez sur le dos des gens';
    const c = classify(text);
    expect(c.label).not.toBe('neutral');
    expect(c.cues).toContainEqual({ kind: 'words', quote: 'Bande de charognards' });
  });

  it('every label but neutral quotes something of the comment, over the authored corpus', () => {
    const texts = AUTHORED_FILES.flatMap((f) =>
      readFileSync(authoredPath(f), 'utf8')
        .split('\n')
        .filter((line, i) => line.trim() && i % 5 === 0)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
    let hostile = 0;
    for (const text of texts) {
      const c = classify(text);
      if (c.label === 'neutral') continue;
      hostile++;
      expect(
        c.cues.some((cue) => cue.quote),
        text,
      ).toBe(true);
    }
    expect(hostile).toBeGreaterThan(1000);
  });

  it('a threat after 5,000 characters of polite text is still found', () => {
    const polite = 'Bonjour, merci pour votre service, tout se passe bien. '.repeat(100);
    const c = classify(`${polite} Au fait, je sais où tu habites et je vais te casser la gueule.`);
    expect(c.label).toBe('threat');
    expect(c.cues.some((cue) => cue.kind === 'partly_read')).toBe(true);
  });
});

describe('a link', () => {
  it('changes nothing: not the label, not the scores', () => {
    for (const text of [
      'VOUS ÊTES DES VOLEURS',
      'Colis marqué livré mais rien dans la boîte, je fais comment',
      'Merci pour la réponse rapide !',
      'I know where your depot is. See you Friday.',
    ])
      for (const link of [' https://t.co/AbCdEfGhIjKlMnOp?ref=X!', ' WWW.TELONIA.FR/AIDE?Q=1']) {
        const alone = classify(text);
        const linked = classify(text + link);
        expect(linked.label).toBe(alone.label);
        expect(linked.scores).toEqual(alone.scores);
      }
  });
});

describe('mentions that open a comment', () => {
  it('do not hide its start from the phrases anchored there', () => {
    const kinds = (text: string) => analyze(text).hits.map((h) => h.kind);
    expect(kinds('Bonjour, est-ce que la boutique ouvre dimanche ?')).toContain('inquiry');
    expect(kinds('@Telonia @Voltea bonjour, est-ce que la boutique ouvre dimanche ?')).toContain('inquiry');
  });
});

describe('the safety rule', () => {
  it('is not set off by a street address given to locate a problem', () => {
    for (const text of [
      'Le lampadaire en face du 7 rue des Tilleuls clignote depuis lundi, vous pouvez passer ?',
      'Parcel marked delivered to 58 Orchard Road but nothing here, can you check the photo?',
    ]) {
      expect(safetyRuleFires(analyze(text))).toBe(false);
      expect(classify(text).cues.map((c) => c.kind)).toContain('street_address');
    }
  });

  it('is set off by knowing where someone lives, address or not', () => {
    for (const text of [
      'Ta conseillère, elle habite au 7 rue des Tilleuls, je vais aller la voir',
      'We know where your driver lives, tell him to watch it',
    ])
      expect(safetyRuleFires(analyze(text))).toBe(true);
  });
});
