/**
 * The lexicon syntax and matcher (alternatives, digit slots, gaps, automata for large phrases), the
 * tokenizer's normalisation (texting, contractions, leetspeak), and the rules layered on the model:
 * figures of speech, calm questions, legal complaints, sarcasm, and the threat safety floor.
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyRules, THREAT_FLOOR } from '../../../src/classifier/engine';
import { classify } from '../../../src/classifier/index';
import { buildMatcher, expandAlternations, type Hit, matchAll } from '../../../src/classifier/lexicon';
import { fold, tokenize, tokens } from '../../../src/classifier/text';
import type { Label } from '../../../src/shared/comment';
import { expectValid } from './helpers';

function toks(s: string): string[] {
  const n = tokenize(fold(s).text);
  return tokens.slice(0, n);
}

function matches(phrases: string[], text: string): string[] {
  const m = buildMatcher([{ kind: 'complaint', label: 'x', phrases }]);
  const words = toks(text);
  const hits: Hit[] = [];
  matchAll(m, words, words.length, hits);
  return hits.map((h) => words.slice(h.start, h.end).join(' '));
}

const THREAT_CUE = /^(threat|veiled threat|doxxing|incitement|violence|violent language):/;

describe('lexicon syntax', () => {
  it('expands nested and empty alternatives', () => {
    expect(expandAlternations('(a|b (c|d)|) x')).toEqual(['a x', 'b c x', 'b d x', ' x']);
  });

  it('matches alternatives, and counts a phrase once whatever the variant', () => {
    expect(matches(['(je|on) (vais|va) te (tuer|buter)'], 'on va te buter')).toEqual(['on va te buter']);
    expect(matches(['(je|on) (vais|va) te (tuer|buter)'], 'je vais te tuer et on va te buter')).toEqual([
      'je vais te tuer',
      'on va te buter',
    ]);
  });

  it('`##` is a number in digits only, `#` also a number word', () => {
    expect(matches(['## rue'], 'il habite au 12 rue des Lilas')).toEqual(['12 rue']);
    expect(matches(['## rue'], 'une rue')).toEqual([]);
    expect(matches(['# jours'], 'depuis trois jours')).toEqual(['trois jours']);
  });

  it('follows consecutive gaps (up to three words each)', () => {
    expect(
      matches(['j espere qu ~ ~ se fera planter'], "j'espère qu'un de vos employés se fera planter"),
    ).toEqual(['j espere qu un de vos employes se fera planter']);
  });

  it('a phrase with many variants (an automaton) matches exactly like its expansion', () => {
    const big =
      '(les|ces|des) (arabes|noirs|juifs|migrants|roms) ~ (sont|restent) ~ (voleurs|sauvages|parasites|animaux)';
    const texts = [
      'les migrants sont tous des voleurs',
      'ces roms restent vraiment des sauvages',
      'des juifs sont là',
      'les noirs sont des gens',
      'rien à voir',
    ];
    for (const t of texts) expect(matches([big], t)).toEqual(matches(expandAlternations(big), t).slice(0, 1));
  });
});

describe('tokenizer normalisation', () => {
  it('expands texting spellings and apostrophe-less contractions', () => {
    expect(toks('jsuis degouté jamé recu ma cmd')).toEqual([
      'je',
      'suis',
      'degoute',
      'jamais',
      'recu',
      'ma',
      'commande',
    ]);
    expect(toks('c nul')).toEqual(['c', 'est', 'nul']);
    expect(toks("c'est nul")).toEqual(['c', 'est', 'nul']);
    expect(toks('I dont care, u r late')).toEqual(['i', 'don', 't', 'care', 'you', 'r', 'late']);
  });

  it('reads letters written as digits or symbols inside words, not numbers or mentions', () => {
    expect(toks('k1ll sh1t c0nnard 4g h24 2026')).toEqual(['kill', 'shit', 'connard', '4g', 'h24', '2026']);
    expect(toks('D€ATH to you, c@nnard, $hit, @Acme, 10€')).toEqual([
      'death',
      'to',
      'you',
      'cannard',
      'shit',
      'acme',
      '10',
    ]);
  });
});

describe('rules', () => {
  const cases: { text: string; label: Label }[] = [
    // The audit's findings (regressions).
    { text: "Fais gaffe en sortant du boulot ce soir, on t'attend devant.", label: 'threat' },
    { text: 'Si je croise le CM de cette boîte je lui casse la gueule', label: 'threat' },
    { text: 'Keep deleting my comments and see what happens to your office', label: 'threat' },
    { text: 'Your CEO should be careful when he leaves his house tonight', label: 'threat' },
    { text: 'Continuez comme ça et vous allez finir comme Charlie', label: 'threat' },
    { text: 'We found your home address, nice house 🙂', label: 'threat' },
    {
      text: 'Chaussures reçues hier, la semelle se décolle déjà. Je veux un échange.',
      label: 'unhappy_customer',
    },
    { text: 'c nul votre truc jsuis degouté jamé recu ma cmd', label: 'unhappy_customer' },
    {
      text: 'je suis cliente depuis 10 ans et on me traite comme une moins que rien, je résilie',
      label: 'unhappy_customer',
    },
    { text: 'Bravo, encore un super produit qui tient trois jours… 👏', label: 'troll' },
    { text: "Oh great, another 'innovation' that nobody asked for. Genius.", label: 'troll' },
    { text: 'lol vos community managers sont payés en cacahuètes', label: 'troll' },
    { text: 'Vous faites des remboursements si le produit ne convient pas ?', label: 'neutral' },
    { text: 'This sale is killing me, I want everything lol', label: 'neutral' },
    { text: 'Je vais porter plainte…', label: 'unhappy_customer' },
  ];
  it.each(cases)('$label: $text', ({ text, label }) => {
    const c = classify(text);
    expectValid(c);
    expect(c.label).toBe(label);
  });

  it('"casser la gueule" is a threat cue, not a broken product', () => {
    const c = classify('Si je croise le CM de cette boîte je lui casse la gueule');
    expect(c.cues.some((cue) => cue.startsWith('product problem'))).toBe(false);
    expect(c.cues).toContain("threat: 'je lui casse la gueule'");
  });

  it('figures of speech, falls and sales are not threats', () => {
    for (const text of [
      'cette pub me tue 😂',
      'mort de rire devant votre vidéo',
      "je me suis cassé la gueule dans l'escalier du magasin",
      'on casse les prix tout le week-end !',
      'your team is killing it this year',
      'this cake is to die for',
      "j'ai la crève, vivement le week-end",
      "je vais essayer de les retrouver dans l'appli",
      "je ne vais pas te tuer, promis, c'était une blague",
    ]) {
      const c = classify(text);
      expect(c.label, text).not.toBe('threat');
      expect(
        c.cues.some((cue) => /^(threat|veiled threat):/.test(cue)),
        text,
      ).toBe(false);
    }
  });

  it('legal action is a complaint, never a threat', () => {
    for (const text of [
      'Je vais porter plainte contre vous',
      "I'll sue you and file a complaint with the BBB",
    ]) {
      const c = classify(text);
      expect(c.label, text).toBe('unhappy_customer');
    }
  });

  it('a calm question about refunds or returns is neutral, the same words in a complaint are not', () => {
    expect(classify('Combien de temps faut-il pour être remboursé après un retour ?').label).toBe('neutral');
    expect(classify('How do I request a refund online?').label).toBe('neutral');
    expect(classify('Toujours pas remboursé après mon retour il y a 3 semaines').label).toBe(
      'unhappy_customer',
    );
  });

  it('safety: partial threat evidence gives at least an uncertain threat, never neutral', () => {
    const c = classify('Fais gaffe.');
    expect(c.label).toBe('threat');
    expect(c.cues.some((cue) => cue.startsWith('veiled threat:'))).toBe(true);
    // The floor itself: the model is sure it is neutral, the lexicon found half a threat.
    const ev = analyze('ok').ev;
    const z = Float64Array.from([0, 0, -4, 6]);
    applyRules(z, { ...ev, threat: THREAT_FLOOR }, { questions: 0, firstPerson: 0 });
    const top = Math.max(...z);
    expect(z[2]).toBe(top);
    expect((z[2] as number) - (z[3] as number)).toBeLessThan(0.2); // an uncertain threat, not a confident one
    // Below the floor, a weak hint leaves a neutral comment neutral.
    const z2 = Float64Array.from([0, 0, -4, 6]);
    applyRules(z2, { ...ev, threat: 0.3 }, { questions: 0, firstPerson: 0 });
    expect(z2[3]).toBe(Math.max(...z2));
  });

  it('safety: a threat cue never comes with a neutral label', () => {
    const texts = [
      'We found your home address, nice house 🙂',
      'nice car',
      'tu verras',
      'kill the process and restart',
      'gun control debate',
      'Belle maison !',
      'on se retrouvera au salon',
      'Qu’il crève',
      'death to spam',
      'I know people who love this brand',
    ];
    for (const text of texts) {
      const c = classify(text);
      if (c.cues.some((cue) => THREAT_CUE.test(cue))) expect(c.label, text).not.toBe('neutral');
    }
  });

  it('mockery with no problem of one’s own is trolling; a customer with sarcasm stays a customer', () => {
    expect(classify('Bravo, encore une mise à jour géniale 👏 on n’arrête pas le progrès').label).toBe(
      'troll',
    );
    expect(classify('Bravo, mon colis est encore perdu, merci pour rien').label).toBe('unhappy_customer');
  });
});
