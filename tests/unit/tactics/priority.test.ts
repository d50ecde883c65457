import { describe, expect, it } from 'vitest';
import { byPriority, type Flagged } from '../../../src/tactics/priority';

const item = (id: string, change: Partial<Flagged>): Flagged & { id: string } => ({
  id,
  label: 'troll',
  intensity: 0.5,
  answered: false,
  firstSeen: 0,
  ...change,
});

describe('byPriority', () => {
  it('puts threats first, then customers waiting for an answer, then trolls, then answered customers', () => {
    const ordered = byPriority([
      item('troll', { label: 'troll', intensity: 0.9 }),
      item('answered', { label: 'unhappy_customer', answered: true, intensity: 0.9 }),
      item('neutral', { label: 'neutral' }),
      item('waiting', { label: 'unhappy_customer', intensity: 0.2 }),
      item('threat', { label: 'threat', intensity: 0.1 }),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(['threat', 'waiting', 'troll', 'answered']);
  });

  it('orders a group by intensity, then by age', () => {
    const ordered = byPriority([
      item('mild-old', { intensity: 0.3, firstSeen: 1 }),
      item('hard', { intensity: 0.8, firstSeen: 5 }),
      item('mild-new', { intensity: 0.3, firstSeen: 9 }),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(['hard', 'mild-old', 'mild-new']);
  });
});
