import { describe, expect, it } from 'vitest';
import { Calendar, civil, formatIsoDate, parseIsoDate, weekday } from '../../src/engine/calendar.js';

const DAY_MS = 86_400_000;
const jsDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const jsIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

describe('date conversions (checked against JS Date in UTC)', () => {
  it('round-trips every day from 1900 to 2100', () => {
    const from = jsDay('1900-01-01');
    const to = jsDay('2100-12-31');
    for (let d = from; d <= to; d++) {
      const iso = jsIso(d);
      expect(formatIsoDate(d)).toBe(iso);
      expect(parseIsoDate(iso)).toBe(d);
      const dt = new Date(d * DAY_MS);
      expect(civil(d)).toEqual({
        year: dt.getUTCFullYear(),
        month: dt.getUTCMonth() + 1,
        day: dt.getUTCDate(),
      });
      expect(weekday(d)).toBe((dt.getUTCDay() + 6) % 7);
    }
  });

  it('anchors the epoch and weekdays', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(weekday(0)).toBe(3); // Thursday
    expect(weekday(parseIsoDate('2026-01-05'))).toBe(0); // Monday
    expect(weekday(parseIsoDate('1969-12-28'))).toBe(6); // Sunday, negative day number
    expect(formatIsoDate(-1)).toBe('1969-12-31');
    expect(formatIsoDate(parseIsoDate('0001-01-01'))).toBe('0001-01-01');
    expect(formatIsoDate(parseIsoDate('9999-12-31'))).toBe('9999-12-31');
  });

  it('handles leap years', () => {
    for (const ok of ['2000-02-29', '2024-02-29', '1904-02-29', '2400-02-29']) {
      expect(formatIsoDate(parseIsoDate(ok))).toBe(ok);
    }
    for (const bad of ['1900-02-29', '2023-02-29', '2100-02-29']) {
      expect(() => parseIsoDate(bad)).toThrow(/February \d+ has 28 days/);
    }
    expect(parseIsoDate('2024-03-01') - parseIsoDate('2024-02-28')).toBe(2);
    expect(parseIsoDate('2023-03-01') - parseIsoDate('2023-02-28')).toBe(1);
  });

  it('throws clear errors on malformed or impossible dates', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('Invalid date "2026-02-30": February 2026 has 28 days');
    expect(() => parseIsoDate('2026-04-31')).toThrow(/April 2026 has 30 days/);
    expect(() => parseIsoDate('2026-01-32')).toThrow(/has 31 days/);
    expect(() => parseIsoDate('2026-01-00')).toThrow(/has 31 days/);
    expect(() => parseIsoDate('2026-13-01')).toThrow(/month 13/);
    expect(() => parseIsoDate('2026-00-10')).toThrow(/month 0/);
    for (const bad of ['2026-1-5', '26-01-05', '2026/01/05', '2026-01-05T00:00', ' 2026-01-05', '', 'soon']) {
      expect(() => parseIsoDate(bad)).toThrow(/expected YYYY-MM-DD/);
    }
  });

  it('formatIsoDate rejects non-integer or out-of-range days', () => {
    expect(() => formatIsoDate(0.5)).toThrow(RangeError);
    expect(() => formatIsoDate(parseIsoDate('9999-12-31') + 1)).toThrow(RangeError);
  });
});

describe('Calendar', () => {
  it('maps ticks to weeks', () => {
    const c = new Calendar('2026-01-05', 260);
    expect(c.ticks).toBe(260);
    expect(c.startDay).toBe(parseIsoDate('2026-01-05'));
    expect(c.isoDate(0)).toBe('2026-01-05');
    expect(c.isoDate(1)).toBe('2026-01-12');
    expect(c.dayOf(10) - c.dayOf(9)).toBe(7);
    expect(c.year(0)).toBe(2026);
    expect(c.year(51)).toBe(2026); // 2026-12-28
    expect(c.year(52)).toBe(2027); // 2027-01-04
    expect(c.isoDate(259)).toBe('2030-12-23');
  });

  it('tickOf finds the week containing a date', () => {
    const c = new Calendar('2026-01-05', 260);
    expect(c.tickOf('2026-01-05')).toBe(0);
    expect(c.tickOf('2026-01-11')).toBe(0);
    expect(c.tickOf('2026-01-12')).toBe(1);
    expect(c.tickOf('2026-01-04')).toBe(-1);
    expect(c.tickOf('2030-12-29')).toBe(259);
    expect(c.tickOf('2030-12-30')).toBeGreaterThanOrEqual(260);
  });

  it('has exactly one election within 260 weekly ticks from 2026-01-05: 2027-09-13', () => {
    const c = new Calendar('2026-01-05', 260);
    expect(c.electionTicks()).toEqual([c.tickOf('2027-09-13')]);
    expect(c.isoDate(c.electionTicks()[0]!)).toBe('2027-09-13');
    expect(c.isElection(c.tickOf('2027-09-13'))).toBe(true);
    expect(c.isElection(c.tickOf('2027-09-13') + 1)).toBe(false);
    expect(c.isElection(c.tickOf('2027-09-13') - 1)).toBe(false);
    // The next election, 2031-09-08, lies after the last tick (2030-12-23).
    expect(c.tickOf('2031-09-08')).toBeGreaterThanOrEqual(260);
  });

  it('finds 2031-09-08 when the run is long enough', () => {
    const c = new Calendar('2026-01-05', 300);
    const ticks = c.electionTicks();
    expect(ticks.map((t) => c.isoDate(t))).toEqual(['2027-09-13', '2031-09-08']);
  });

  it('finds the week containing the election when ticks do not start on Mondays', () => {
    const c = new Calendar('2026-01-01', 300); // Thursday-based weeks
    expect(c.electionTicks()).toEqual([c.tickOf('2027-09-13'), c.tickOf('2031-09-08')]);
    expect(c.isoDate(c.electionTicks()[0]!)).toBe('2027-09-09');
  });

  it('places elections on the second Monday of the month (checked against Date)', () => {
    const c = new Calendar('2000-01-01', 36_890, { tickDays: 1, electionEveryYears: 1, electionMonth: 9 });
    const got = c.electionTicks().map((t) => c.isoDate(t));
    const want: string[] = [];
    for (let y = 2000; y <= 2100; y++) {
      for (let d = 8; d <= 14; d++) {
        const dt = new Date(Date.UTC(y, 8, d));
        if (dt.getUTCDay() === 1) want.push(dt.toISOString().slice(0, 10));
      }
    }
    expect(got).toEqual(want);
  });

  it('honours cycle, anchor and month options', () => {
    const c = new Calendar('2024-01-01', 53 * 6, {
      electionEveryYears: 2,
      electionAnchorYear: 2025,
      electionMonth: 3,
    });
    const years = c.electionTicks().map((t) => c.isoDate(t));
    // second Mondays of March 2025/2027/2029 are the 10th, 8th and 12th
    expect(years).toEqual(['2025-03-10', '2027-03-08', '2029-03-12']);
  });

  it('marks year starts at the week containing 1 January, never tick 0', () => {
    const c = new Calendar('2026-01-05', 260);
    const ys = c.yearStartTicks();
    expect(ys).toEqual(['2027-01-01', '2028-01-01', '2029-01-01', '2030-01-01'].map((d) => c.tickOf(d)));
    for (const t of ys) expect(c.year(t + 1)).toBe(c.year(t - 1) + 1);
    expect(c.isYearStart(0)).toBe(false);

    const jan1 = new Calendar('2027-01-01', 60);
    expect(jan1.isYearStart(0)).toBe(false);
    expect(jan1.yearStartTicks()).toEqual([52]); // 2027-12-31 .. 2028-01-06
    expect(jan1.isoDate(52)).toBe('2027-12-31');
    expect(jan1.isYearStart(53)).toBe(false);
  });

  it('year start on exactly 1 January with daily ticks', () => {
    const c = new Calendar('2026-12-30', 5, { tickDays: 1 });
    expect(c.yearStartTicks()).toEqual([2]);
    expect(c.isoDate(2)).toBe('2027-01-01');
  });

  it('returns copies of the precomputed lists', () => {
    const c = new Calendar('2026-01-05', 260);
    c.electionTicks().push(1);
    c.yearStartTicks().length = 0;
    expect(c.electionTicks()).toHaveLength(1);
    expect(c.yearStartTicks()).toHaveLength(4);
  });

  it('validates its arguments', () => {
    expect(() => new Calendar('2026-02-30', 10)).toThrow(/February 2026/);
    expect(() => new Calendar('2026-01-05', -1)).toThrow(RangeError);
    expect(() => new Calendar('2026-01-05', 10, { tickDays: 0 })).toThrow(/tickDays/);
    expect(() => new Calendar('2026-01-05', 10, { electionMonth: 13 })).toThrow(/electionMonth/);
    expect(() => new Calendar('2026-01-05', 10, { electionEveryYears: 0 })).toThrow(/electionEveryYears/);
  });
});
