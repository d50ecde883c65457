import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  localHour,
  median,
  monthOf,
  weekdayOf,
  weekOf,
} from '../../../src/shared/calendar';
import { PARIS, paris } from './rows';

describe('calendar arithmetic on local days', () => {
  it('adds days across the daylight-saving changes and month ends', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('names weekdays from Monday and finds the week and month of a day', () => {
    expect(weekdayOf('2026-03-29')).toBe(6); // a Sunday
    expect(weekdayOf('2026-03-30')).toBe(0);
    expect(weekOf('2026-03-29')).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('gives the local hour on the 23-hour and the 25-hour day in Paris', () => {
    // 2026-03-29: 02:00 does not exist; 01:59 winter time is followed by 03:00 summer time.
    expect(localHour(paris('2026-03-29T01:30:00', 1), PARIS)).toBe(1);
    expect(localHour(paris('2026-03-29T03:30:00', 2), PARIS)).toBe(3);
    // 2026-10-25: 02:30 happens twice, first in summer time then in winter time.
    expect(localHour(paris('2026-10-25T02:30:00', 2), PARIS)).toBe(2);
    expect(localHour(paris('2026-10-25T02:30:00', 1), PARIS)).toBe(2);
    expect(localHour(paris('2026-10-25T03:10:00', 1), PARIS)).toBe(3);
    expect(localHour(Date.UTC(2026, 0, 1, 23, 30), 'Asia/Kolkata')).toBe(5);
  });

  it('takes the median of odd and even lists, and none of an empty one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});
