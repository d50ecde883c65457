/** A negation before a praise or dissatisfaction word turns it; comparisons, questions, new clauses and "tu" do not. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/classifier/engine';
import { negationBefore } from '../../../src/classifier/negation';
import { fold, tokEnd, tokenize, tokens, tokStart } from '../../../src/classifier/text';

/** The negation's first word before `word` in `text`, or null. */
function negationOf(text: string, word: string): string | null {
  const folded = fold(text).text;
  tokenize(folded);
  const at = tokens.indexOf(word);
  expect(at, `"${word}" in "${text}"`).toBeGreaterThanOrEqual(0);
  const j = negationBefore(tokens, at, at + 1, folded, tokStart, tokEnd);
  return j < 0 ? null : (tokens[j] as string);
}

describe('negation before a praise word', () => {
  it.each([
    ['je ne suis pas satisfait', 'satisfait', 'pas'],
    ['pas du tout content du service', 'content', 'pas'],
    ['pas très efficace votre service client', 'efficace', 'pas'],
    ['Jamais rapide, jamais à l’heure', 'rapide', 'jamais'],
    ["I'm not happy", 'happy', 'not'],
    ['not a happy customer', 'happy', 'not'],
    ["I don't love the new app", 'love', 'don'],
    ['never helpful', 'helpful', 'never'],
    ['pas si top que ça', 'top', 'pas'],
    ['not as good as before', 'good', 'not'],
    ['Pas déçu du tout !', 'decu', 'pas'],
    ['never disappointed', 'disappointed', 'never'],
  ])('"%s": %s is negated by "%s"', (text, word, negator) => {
    expect(negationOf(text, word)).toBe(negator);
  });

  it.each([
    ['Jamais été aussi satisfait', 'satisfait'],
    ["couldn't be more happy", 'happy'],
    ['No better airline', 'better'],
    ['Pas de souci. Super service', 'super'],
    ['pas cher, et top', 'top'],
    ['pas cher mais top', 'top'],
    ['not only fast but great', 'fast'],
    ["t'es top", 'top'],
    ["on t'a super bien aidé", 'super'],
    ['Merci pour tout', 'merci'],
    ["C'est pas génial, ça ?", 'genial'],
    ["Isn't it amazing?", 'amazing'],
    ["Can't recommend them enough!", 'recommend'],
  ])('"%s": %s stays as written', (text, word) => {
    expect(negationOf(text, word)).toBeNull();
  });
});

describe('a negated praise phrase', () => {
  it('is dissatisfaction, quoted with its negation', () => {
    const a = analyze('Franchement je ne suis pas satisfait du service');
    const hit = a.hits.find((h) => h.kind === 'dissatisfaction');
    expect(hit).toBeDefined();
    expect(a.hits.some((h) => h.kind === 'praise')).toBe(false);
    const h = hit as (typeof a.hits)[number];
    expect(tokens.slice(h.start, h.end).join(' ')).toBe('pas satisfait');
  });

  it('is no dissatisfaction when a dissatisfaction word is negated, but "pas terrible" stays', () => {
    const kinds = (text: string) => analyze(text).hits.map((h) => h.kind);
    expect(kinds('Pas déçu du tout de ma commande')).not.toContain('dissatisfaction');
    expect(kinds('Très déçu de ma commande')).toContain('dissatisfaction');
    expect(kinds('Service pas terrible')).toContain('dissatisfaction');
    expect(kinds("C'est pas honteux, ça ?")).toContain('dissatisfaction');
  });

  it('leaves praise that is not negated alone', () => {
    expect(analyze('Très satisfait, merci !').hits.map((h) => h.kind)).toContain('praise');
  });
});
