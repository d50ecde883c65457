import { describe, expect, it } from 'vitest';
import { LEVEL_FROM, LEVELS } from '../../../src/shared/levels';
import {
  BREAK_AFTER_RECENT_HOSTILE,
  LONG_THREAD,
  PERSISTENT_AUTHOR,
  type Situation,
  suggestTactics,
  type Tactic,
} from '../../../src/tactics/rules';

const base: Situation = {
  label: 'neutral',
  intensity: 0.2,
  uncertain: false,
  threadLength: 5,
  authorCommentsInThread: 1,
  recentHostile: 0,
};

const at = (change: Partial<Situation>) => suggestTactics({ ...base, ...change });

describe('suggestTactics: the field findings as a table', () => {
  it.each<[string, Partial<Situation>, Tactic[]]>([
    [
      'a mild troll in a short thread: light humour first',
      { label: 'troll', intensity: 0.2 },
      ['humour', 'ignore', 'emoji'],
    ],
    ['a moderate troll: ignore, hide', { label: 'troll', intensity: 0.4 }, ['ignore', 'hide', 'humour']],
    [
      'a mild troll in a long thread: no humour first',
      { label: 'troll', intensity: 0.2, threadLength: LONG_THREAD },
      ['ignore', 'hide', 'humour'],
    ],
    [
      'a violent troll: hide and talk to a colleague',
      { label: 'troll', intensity: 0.8 },
      ['hide', 'ignore', 'share_colleague'],
    ],
    [
      'a troll who keeps coming back',
      { label: 'troll', intensity: 0.3, authorCommentsInThread: PERSISTENT_AUTHOR },
      ['hide', 'ignore', 'share_colleague'],
    ],
    [
      'a calm unhappy customer: restraint, emoji',
      { label: 'unhappy_customer', intensity: 0.2 },
      ['restraint', 'emoji', 'private_message'],
    ],
    [
      'an annoyed customer',
      { label: 'unhappy_customer', intensity: 0.4 },
      ['restraint', 'private_message', 'emoji'],
    ],
    [
      'an annoyed customer in a long thread: out of the public thread first',
      { label: 'unhappy_customer', intensity: 0.4, threadLength: LONG_THREAD },
      ['private_message', 'restraint', 'emoji'],
    ],
    [
      'a furious customer: private messages first',
      { label: 'unhappy_customer', intensity: 0.9 },
      ['private_message', 'restraint', 'share_colleague'],
    ],
    [
      'a customer writing again and again',
      { label: 'unhappy_customer', intensity: 0.3, authorCommentsInThread: 4 },
      ['private_message', 'restraint', 'share_colleague'],
    ],
    [
      'a threat: escalate, never engage',
      { label: 'threat', intensity: 0.4 },
      ['escalate', 'hide', 'share_colleague'],
    ],
    [
      'a violent threat: escalate and do not stay alone with it',
      { label: 'threat', intensity: 0.9 },
      ['escalate', 'share_colleague', 'hide'],
    ],
    ['a neutral comment: nothing to do', { label: 'neutral' }, []],
    [
      'uncertain troll that may be a customer: answer with restraint',
      { label: 'troll', uncertain: true, runnerUp: 'unhappy_customer' },
      ['restraint', 'ignore', 'hide'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(at(change)).toEqual(expected);
  });

  it('changes at the levels the CM sees: a comment shown as high is handled as high', () => {
    for (const label of ['troll', 'unhappy_customer', 'threat'] as const) {
      for (const level of LEVELS) {
        const { from, to } = {
          low: { from: 0, to: LEVEL_FROM.medium },
          medium: { from: LEVEL_FROM.medium, to: LEVEL_FROM.high },
          high: { from: LEVEL_FROM.high, to: 1.001 },
        }[level];
        const intensities = [from, (from + to) / 2, to - 0.001];
        const tactics = intensities.map((intensity) => at({ label, intensity }));
        for (const other of tactics) expect(other, `${label} ${level}`).toEqual(tactics[0]);
      }
    }
  });

  it('never suggests engaging a threat', () => {
    for (const intensity of [0, 0.3, 0.6, 1]) {
      const tactics = at({ label: 'threat', intensity, threadLength: 50, authorCommentsInThread: 9 });
      for (const engaging of ['humour', 'emoji', 'restraint', 'private_message', 'ignore'] as Tactic[]) {
        expect(tactics).not.toContain(engaging);
      }
      expect(tactics[0]).toBe('escalate');
    }
  });

  it('never meets an unhappy customer with humour or silence', () => {
    for (const intensity of [0, 0.3, 0.6, 1]) {
      for (const authorCommentsInThread of [1, 5]) {
        const tactics = at({ label: 'unhappy_customer', intensity, authorCommentsInThread });
        expect(tactics).not.toContain('humour');
        expect(tactics).not.toContain('ignore');
        expect(tactics).not.toContain('hide');
        expect(tactics.some((t) => t === 'restraint' || t === 'private_message')).toBe(true);
      }
    }
  });

  it('never argues with a troll', () => {
    for (const intensity of [0, 0.3, 0.6, 1]) {
      expect(at({ label: 'troll', intensity })).not.toContain('restraint');
      expect(at({ label: 'troll', intensity })).not.toContain('private_message');
    }
  });

  it('adds a break, in last place, once hostile exposure piles up', () => {
    expect(at({ label: 'troll', intensity: 0.4, recentHostile: BREAK_AFTER_RECENT_HOSTILE })).toEqual([
      'ignore',
      'hide',
      'take_break',
    ]);
    expect(at({ label: 'neutral', recentHostile: BREAK_AFTER_RECENT_HOSTILE })).toEqual(['take_break']);
    expect(
      at({ label: 'troll', intensity: 0.4, recentHostile: BREAK_AFTER_RECENT_HOSTILE - 1 }),
    ).not.toContain('take_break');
  });

  it('offers at most three tactics', () => {
    for (const label of ['troll', 'unhappy_customer', 'threat', 'neutral'] as const) {
      expect(at({ label, recentHostile: 99 }).length).toBeLessThanOrEqual(3);
    }
  });
});
