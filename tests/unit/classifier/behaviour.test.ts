import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION, classify } from '../../../src/classifier/index';
import type { Label } from '../../../src/shared/comment';
import { expectValid } from './helpers';

const CASES: { text: string; label: Label; lang: 'fr' | 'en' }[] = [
  // trolls
  { text: 'Bande de connards, votre pub est nulle 🤡', label: 'troll', lang: 'fr' },
  { text: 'ferme ta gueule espèce de bouffon, personne achète vos merdes mdr', label: 'troll', lang: 'fr' },
  { text: 'bravo pour cette pub ridicule 🙄 quelle blague', label: 'troll', lang: 'fr' },
  { text: 'You are a moron and your company is trash lol', label: 'troll', lang: 'en' },
  { text: 'shut up you pathetic clowns, nobody buys your crap', label: 'troll', lang: 'en' },
  // unhappy customers, including rude ones
  {
    text: 'Bonjour, ma commande n’est toujours pas arrivée depuis 3 semaines',
    label: 'unhappy_customer',
    lang: 'fr',
  },
  {
    text: 'Votre service client de merde, toujours pas reçu mon colis',
    label: 'unhappy_customer',
    lang: 'fr',
  },
  {
    text: 'Produit reçu abîmé et SAV injoignable, je veux être remboursé',
    label: 'unhappy_customer',
    lang: 'fr',
  },
  {
    text: 'Still waiting for my refund, you charged me twice. Unacceptable.',
    label: 'unhappy_customer',
    lang: 'en',
  },
  {
    text: 'Your fucking app stopped working and customer support never replied',
    label: 'unhappy_customer',
    lang: 'en',
  },
  // threats, including doxxing
  { text: 'je sais où tu habites', label: 'threat', lang: 'fr' },
  { text: 'On va te retrouver sale con, on connaît ton adresse', label: 'threat', lang: 'fr' },
  { text: 'je vais te buter', label: 'threat', lang: 'fr' },
  { text: "I'll kill you, we know where you live", label: 'threat', lang: 'en' },
  { text: 'Here is his address: 12 Maple Street, go pay him a visit', label: 'threat', lang: 'en' },
  { text: 'Le CM de Acme habite au 14 rue des Lilas à Nantes, allez le voir', label: 'threat', lang: 'fr' },
  { text: 'He lives at 221 Baker Street, you know what to do', label: 'threat', lang: 'en' },
  // neutral / positive
  { text: "Merci pour la livraison rapide, j'adore !", label: 'neutral', lang: 'fr' },
  { text: 'Bonjour, est-ce que vous livrez en Belgique ?', label: 'neutral', lang: 'fr' },
  { text: 'Love this dress, it fits perfectly', label: 'neutral', lang: 'en' },
  { text: 'Thanks for the quick answer, have a nice day', label: 'neutral', lang: 'en' },
];

describe('classify: clear examples', () => {
  it.each(CASES)('$label ($lang): $text', ({ text, label, lang }) => {
    const c = classify(text);
    expectValid(c);
    expect(c.label).toBe(label);
    expect(c.lang).toBe(lang);
  });

  it('exposes a version string', () => {
    expect(CLASSIFIER_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });
});

describe('safety: threats are never neutral', () => {
  const threats = [
    'je vais te retrouver',
    'on sait où tu habites',
    'je vais te buter sale chien',
    "t'es mort",
    'Tu vas voir ce qui va t’arriver',
    'Fais attention quand tu rentres chez toi ce soir',
    'on va brûler vos magasins',
    'I will kill you',
    'we know where you live',
    "I'm going to find you and hurt you",
    'watch your back',
    'JE SAIS OÙ TU HABITES !!!',
    'je sais ou tu habites', // no accent
    'jvais te buter', // texting
    'Merci pour la livraison. Au fait je sais où tu habites.', // hidden in a polite comment
    'Great product lol. I know where you live.',
  ];
  it.each(threats)('%s', (text) => {
    const c = classify(text);
    expectValid(c);
    expect(c.label).not.toBe('neutral');
    expect(c.label === 'threat' || c.scores.threat >= 0.5).toBe(true);
    expect(c.cues.some((cue) => /^(threat|incitement|violent language):/.test(cue))).toBe(true);
    expect(c.intensity).toBeGreaterThanOrEqual(0.5);
  });
});

describe('rude customers are customers, not trolls', () => {
  const rude = [
    'Votre service client de merde, toujours pas reçu mon colis',
    'putain 3 semaines que j’attends mon remboursement bande d’incapables',
    'WTF, my package never arrived and your support is useless',
    'c’est quoi ce bordel, ma box est en panne depuis 5 jours',
  ];
  it.each(rude)('%s', (text) => {
    const c = classify(text);
    expect(c.label).toBe('unhappy_customer');
    expect(c.scores.unhappy_customer).toBeGreaterThan(c.scores.troll);
  });
});

describe('texting style, slang and missing accents', () => {
  const cases: { text: string; label: Label }[] = [
    { text: 'jsuis dégoûté ma commande est tjrs pas arrivée', label: 'unhappy_customer' },
    { text: 'franchement c abusé 3 semaines pr un colis', label: 'unhappy_customer' },
    { text: 'jte retrouve tu vas comprendre', label: 'threat' },
    { text: 'ptdr personne vous a demandé', label: 'troll' },
    { text: 'trop bien la nouvelle collab 😍', label: 'neutral' },
    { text: 'CONNAAAARD', label: 'troll' },
  ];
  it.each(cases)('$label: $text', ({ text, label }) => {
    expect(classify(text).label).toBe(label);
  });
});

describe('properties', () => {
  it('is deterministic (same input → identical output, whatever ran in between)', () => {
    const text = 'Votre SAV est nul, toujours pas reçu ma commande 😡';
    const a = classify(text, { brandNames: ['Acme'] });
    classify('je vais te buter');
    classify('x'.repeat(10_000));
    const b = classify(text, { brandNames: ['Acme'] });
    expect(b).toEqual(a);
  });

  it('scores sum to 1 and the label is the arg-max', () => {
    for (const t of ['ok', 'NUL NUL NUL !!!', 'mon colis est perdu', 'va te faire foutre', '🙂']) {
      expectValid(classify(t));
    }
  });

  it('brand names make complaints easier to spot', () => {
    const text = 'Acme c’est vraiment décevant';
    const without = classify(text);
    const withBrand = classify(text, { brandNames: ['Acme'] });
    expect(withBrand.scores.unhappy_customer).toBeGreaterThan(without.scores.unhappy_customer);
    expect(withBrand.cues).toContain("brand mention: 'Acme'");
    expect(without.cues.some((c) => c.startsWith('brand mention'))).toBe(false);
  });

  it('brand names also match handles (@AcmeSupport)', () => {
    const c = classify('@AcmeSupport toujours rien reçu', { brandNames: ['Acme'] });
    expect(c.cues.some((cue) => cue.startsWith("brand mention: 'AcmeSupport"))).toBe(true);
    expect(c.label).toBe('unhappy_customer');
  });

  it('extra domain terms count as customer vocabulary', () => {
    const text = 'la box est décevante';
    const base = classify(text);
    const withTerms = classify(text, { extraTerms: ['box'] });
    expect(withTerms.scores.unhappy_customer).toBeGreaterThan(base.scores.unhappy_customer);
    expect(withTerms.cues).toContain("domain term: 'box'");
  });

  it('intensity grows with insults, capitals and exclamation marks', () => {
    const calm = classify('Bonjour, une question sur ma commande');
    const hot = classify('BANDE DE CONNARDS, VOUS ÊTES DES ABRUTIS !!!');
    expect(hot.intensity).toBeGreaterThan(calm.intensity + 0.3);
    expect(hot.cues).toContain('shouting: mostly capital letters');
  });

  it('marks uncertain exactly when the top-2 margin is small or the top score is low', () => {
    const texts = [
      'bof',
      'mouais',
      'Bonjour',
      "c'est la pub",
      'et alors',
      'je sais où tu habites',
      'merci beaucoup !',
    ];
    let sawUncertain = false;
    let sawCertain = false;
    for (const t of texts) {
      const c = classify(t);
      const sorted = Object.values(c.scores).sort((a, b) => b - a);
      const [top = 0, second = 0] = sorted;
      expect(c.uncertain).toBe(top - second < 0.2 || top < 0.5);
      if (c.uncertain) sawUncertain = true;
      else sawCertain = true;
    }
    expect(classify('je sais où tu habites').uncertain).toBe(false);
    expect(sawUncertain && sawCertain).toBe(true);
  });
});

describe('cues are short human-readable reasons quoting the comment', () => {
  it('quotes the original text with its accents and case', () => {
    const c = classify('Espèce de CONNARD, je sais où tu habites');
    expect(c.cues).toContain("threat: 'je sais où tu habites'");
    expect(c.cues).toContain("insult: 'CONNARD'");
  });

  it('names complaint reasons', () => {
    const c = classify('toujours pas reçu ma commande, aucune réponse du service client');
    expect(c.cues).toContain("order problem: 'toujours pas reçu'");
    expect(c.cues).toContain("customer service: 'aucune réponse'");
  });

  it('names irony aimed at the brand', () => {
    const c = classify('merci pour rien 🙄');
    expect(c.cues).toContain("irony: 'merci pour rien'");
    expect(c.label).not.toBe('neutral');
  });

  it('every cue has the "kind: detail" shape', () => {
    const texts = [
      'va te faire foutre connard',
      'still waiting for my refund',
      'I will kill you',
      'merci beaucoup',
    ];
    for (const t of texts) {
      const c = classify(t);
      expect(c.cues.length).toBeGreaterThan(0);
      for (const cue of c.cues) expect(cue).toMatch(/^[a-z][a-z ]*: .+$/);
    }
  });
});
