import { describe, expect, it } from 'vitest';
import {
  byPriority,
  type Flagged,
  isAnswered,
  keepOrder,
  type ThreadComment,
} from '../../../src/tactics/priority';

const item = (id: string, change: Partial<Flagged>): Flagged & { id: string } => ({
  id,
  label: 'troll',
  intensity: 0.5,
  answered: false,
  firstSeen: 0,
  ...change,
});

describe('keepOrder', () => {
  const keyed = (key: string, change: Partial<Flagged>) => ({ ...item(key, change), key });
  it('keeps listed items in place, even answered, and slots a new one where it ranks', () => {
    const first = keepOrder(
      [],
      [
        keyed('troll', {}),
        keyed('customer', { label: 'unhappy_customer' }),
        keyed('threat', { label: 'threat' }),
      ],
    );
    expect(first.map((i) => i.key)).toEqual(['threat', 'customer', 'troll']);
    const next = keepOrder(
      first.map((i) => i.key),
      [
        keyed('troll', {}),
        keyed('customer', { label: 'unhappy_customer', answered: true }),
        keyed('late-threat', { label: 'threat', firstSeen: 9 }),
        keyed('new-troll', { intensity: 0.9 }),
      ],
    );
    // The threat left the page; a new threat comes first; the answered customer stays ahead of the troll
    // listed after it, and a new troll goes before it, as it outranks a customer already answered.
    expect(next.map((i) => i.key)).toEqual(['late-threat', 'new-troll', 'customer', 'troll']);
  });
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

describe('isAnswered', () => {
  const comment = (key: string, change: Partial<ThreadComment> = {}): ThreadComment => ({
    key,
    threadKey: 'thread-1',
    isOwn: false,
    createdAt: null,
    createdAtPrecision: null,
    firstSeen: 100,
    ...change,
  });
  const exactly = (createdAt: string) => ({ createdAt, createdAtPrecision: 'second' as const });
  const customer = comment('x:1', exactly('2026-11-25T10:00:00.000Z'));

  it('is answered once the CM logged an answering tactic, not after ignore or no action', () => {
    expect(isAnswered(customer, ['restraint'], [])).toBe(true);
    expect(isAnswered(customer, ['private_message'], [])).toBe(true);
    expect(isAnswered(customer, ['ignore', 'no_action', 'share_colleague'], [])).toBe(false);
  });

  it("counts the CM's own comment written after the customer's, in the same thread only", () => {
    const reply = comment('x:2', { isOwn: true, ...exactly('2026-11-25T10:05:00.000Z') });
    expect(isAnswered(customer, [], [customer, reply])).toBe(true);
    expect(isAnswered(customer, [], [customer, { ...reply, threadKey: 'thread-2' }])).toBe(false);
    // Somebody else's comment is no answer.
    expect(isAnswered(customer, [], [customer, { ...reply, isOwn: false }])).toBe(false);
  });

  it("does not count a reply of the CM's that was already there before the customer wrote", () => {
    // Read in the same page load (same sighting), but the site's times tell the order.
    const earlier = comment('x:0', { isOwn: true, ...exactly('2026-11-25T09:00:00.000Z'), firstSeen: 100 });
    expect(isAnswered(customer, [], [earlier, customer])).toBe(false);
  });

  it('falls back to the order of sighting when the site shows no time, or only a rough one (Facebook)', () => {
    const roughly = (createdAt: string) => ({ createdAt, createdAtPrecision: 'hour' as const });
    for (const time of [{}, roughly('2026-11-25T10:00:00.000Z')]) {
      const fbCustomer = comment('fb:1', time);
      // "1 h" ago for the Page's reply and "1 h" ago for the customer: the estimates cannot say which came first.
      const pageReply = (firstSeen: number) => comment('fb:2', { isOwn: true, firstSeen, ...time });
      expect(isAnswered(fbCustomer, [], [pageReply(100)])).toBe(false);
      expect(isAnswered(fbCustomer, [], [pageReply(250)])).toBe(true);
    }
  });
});
