import { describe, expect, it } from 'vitest';
import { parseCsToBg, parseUiToBg } from '../../../src/messages';

describe('dashboard messages at the service worker boundary', () => {
  const activity = { type: 'cs→bg:activity', platform: 'x', activeMs: 30_000, at: 1_700_000_000_000 };

  it('accepts an activity report and refuses a malformed one', () => {
    expect(parseCsToBg(activity)).toEqual(activity);
    expect(parseCsToBg({ ...activity, platform: 'tiktok' })).toBeNull();
    expect(parseCsToBg({ ...activity, activeMs: 3_600_000 })).toBeNull(); // more than a report can cover
    expect(parseCsToBg({ ...activity, activeMs: 0 })).toBeNull();
    expect(parseUiToBg(activity)).toBeNull(); // a tab's message, not a page's
  });

  it('accepts only the history spans the dashboard offers', () => {
    expect(parseUiToBg({ type: 'ui→bg:exposure-history', days: 90 })).not.toBeNull();
    expect(parseUiToBg({ type: 'ui→bg:exposure-history', days: 100_000 })).toBeNull();
    expect(
      parseUiToBg({ type: 'ui→bg:workload-report', from: '2026-11-16', to: '2026-11-22' }),
    ).not.toBeNull();
    expect(parseUiToBg({ type: 'ui→bg:workload-report', from: '16/11/2026', to: '2026-11-22' })).toBeNull();
  });

  it('validates a check-in: score 1–5 and known feelings only', () => {
    const checkIn = { type: 'ui→bg:save-checkin', score: 4, tags: ['tired'], note: '', trigger: 'threat' };
    expect(parseUiToBg(checkIn)).toEqual(checkIn);
    expect(parseUiToBg({ ...checkIn, score: 6 })).toBeNull();
    expect(parseUiToBg({ ...checkIn, tags: ['<script>'] })).toBeNull();
  });

  it('deletes everything only with an explicit confirmation', () => {
    expect(parseUiToBg({ type: 'ui→bg:delete-everything', confirmed: true })).not.toBeNull();
    expect(parseUiToBg({ type: 'ui→bg:delete-everything' })).toBeNull();
    expect(parseUiToBg({ type: 'ui→bg:delete-everything', confirmed: 'yes' })).toBeNull();
  });
});
