// @vitest-environment jsdom
/** Words the dashboard builds from data: they read well for every value a backup or a quiet day can give. */
import { describe, expect, it, vi } from 'vitest';
import { summarySentence } from '../../../src/dashboard/TodaySection';
import type { DayExposure, TodayView } from '../../../src/exposure/model';
import { CATALOGS, formatMessage, pluralKey } from '../../../src/shared/locale';
import { tacticName } from '../../../src/ui/tactics';

vi.mock('../../../src/ui/client', () => ({ ask: vi.fn() }));
vi.mock('../../../src/ui/i18n', () => ({
  t: (key: string, substitutions?: string | string[]) =>
    formatMessage(CATALOGS.fr, key, substitutions === undefined ? [] : [substitutions].flat()),
  tn: (key: string, count: number, substitutions?: string[]) =>
    formatMessage(CATALOGS.fr, pluralKey(CATALOGS.fr, key, count, 'fr'), substitutions ?? [String(count)]),
}));

const counts = (troll: number) => ({ troll, unhappy_customer: 0, threat: 0, neutral: 0 });
const day = (trolls: number): DayExposure => ({
  day: '2026-12-06',
  byPlatform: { x: counts(trolls), facebook: counts(0) },
  load: trolls,
  hostileByHour: Array(24).fill(0),
  activeMs: 0,
  activeMsByPlatform: { x: 0, facebook: 0 },
  first: null,
  last: null,
});
const view = (trolls: number): TodayView => ({
  today: day(trolls),
  usual: { hostile: 10, load: 10 },
  threats: [],
  tactics: {},
  checkins: [],
});

describe('the words the dashboard builds', () => {
  it('compares today with the usual day only when today has hostile comments', () => {
    expect(summarySentence(view(20))).toMatch(/2 fois/);
    expect(summarySentence(view(0))).not.toMatch(/fois/);
  });

  it('names a tactic no version knows (a hand-edited backup) "Autre", never by a raw key', () => {
    expect(tacticName('humour')).toBe(formatMessage(CATALOGS.fr, 'tacticName_humour', []));
    expect(tacticName('invented_tactic')).toBe('Autre');
  });
});
