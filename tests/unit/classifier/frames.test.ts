/** Threat frames: a speaker, a violent verb in any person and tense, and a target; and their counter-examples. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERBS_PATH, verbTablesJson } from '../../../scripts/lib/threat-verbs';
import { type FrameHit, findFrames, frameWords } from '../../../src/classifier/frames';
import { fold, tokenize, tokens } from '../../../src/classifier/text';

const kindsOfWords = frameWords();

function frames(text: string): string[] {
  const folded = fold(text).text;
  const n = tokenize(folded);
  const kinds = Uint8Array.from(tokens, (t) => kindsOfWords.get(t) ?? 0);
  return findFrames(tokens, kinds, n, folded, [] as FrameHit[]).map((f) => f.kind);
}

describe('threat frames', () => {
  it.each([
    'je vais te tuer',
    'On va vous brûler, bande de voleurs',
    'je lui casse la gueule demain',
    'Je te casse la bouche',
    'nous allons défoncer votre agence',
    'on vous massacrera tous',
    'je vous aurais égorgés',
    "I'm going to find whoever runs this account and break their legs",
    'we will burn your store to the ground',
    'I will stab you',
    // A negation that ends an earlier clause, and a comma before the verb, leave the threat whole.
    'si vous me remboursez pas je vous défonce',
    'Edit this again and I will hack your computer, destroy your files',
  ])('finds a threat in "%s"', (text) => {
    expect(frames(text)).toContain('threat');
  });

  it.each(['faut cramer leurs agences', 'someone should burn their office down'])(
    'finds incitement in "%s"',
    (text) => {
      expect(frames(text)).toContain('incitement');
    },
  );

  it.each([
    'ce prix me tue',
    'une tuerie ce burger',
    'vous me tuez avec vos promos',
    'killing it as always',
    "I'd kill for that jacket",
    'on va les écraser samedi',
    'mon colis est arrivé cassé',
    'vous avez cassé mon téléphone',
    'je vais me casser chez la concurrence',
    'je vous mets sur le compte',
    // The target is in another clause, or the verb is negated.
    'je crève de faim, vous livrez quand ?',
    'le frigo est arrivé avec la porte défoncée. Vous rappelez quand ?',
    'I am not attacking you',
    "I don't break your rules",
  ])('finds nothing in "%s"', (text) => {
    expect(frames(text)).toEqual([]);
  });

  it('conjugations come from the kept verb tables (model/verbs.json is up to date)', () => {
    expect(readFileSync(VERBS_PATH, 'utf8')).toBe(verbTablesJson());
  });
});
