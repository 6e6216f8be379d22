// Calendar arithmetic on integer day numbers (days since 1970-01-01, proleptic Gregorian) without
// `Date`, so results never depend on the host time zone. Conversions follow Howard Hinnant's
// days_from_civil / civil_from_days (https://howardhinnant.github.io/date_algorithms.html).

import { CLONE } from './clone.js';

/** Days since 1970-01-01 for a valid civil date (month 1..12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0; // years start in March so the leap day is the last day of the year
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

// civil_from_days writes into module scratch so per-tick queries (year) don't allocate.
let cYear = 0;
let cMonth = 0;
let cDay = 0;
function split(day: number): void {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365], from 1 March
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March = 0
  cMonth = mp < 10 ? mp + 3 : mp - 9;
  cDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cYear = yoe + era * 400 + (cMonth <= 2 ? 1 : 0);
}

function yearOf(day: number): number {
  split(day);
  return cYear;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** 'YYYY-MM-DD' → days since 1970-01-01. Throws on malformed or impossible dates. */
export function parseIsoDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`Invalid date "${s}": expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) throw new Error(`Invalid date "${s}": month ${mo} is not in 1..12`);
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) throw new Error(`Invalid date "${s}": ${MONTH_NAMES[mo - 1]} ${y} has ${dim} days`);
  return daysFromCivil(y, mo, d);
}

export function civil(day: number): { year: number; month: number; day: number } {
  split(day);
  return { year: cYear, month: cMonth, day: cDay };
}

/** Day number → 'YYYY-MM-DD' (years 0000..9999, the range parseIsoDate accepts). */
export function formatIsoDate(day: number): string {
  const c = civil(day);
  if (!Number.isInteger(day) || c.year < 0 || c.year > 9999) {
    throw new RangeError(`formatIsoDate: day ${day} is not an integer day in years 0000..9999`);
  }
  const p2 = (x: number) => (x < 10 ? `0${x}` : `${x}`);
  return `${String(c.year).padStart(4, '0')}-${p2(c.month)}-${p2(c.day)}`;
}

/** 0=Monday .. 6=Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export interface CalendarOptions {
  /** Days per tick (default 7). */
  tickDays?: number;
  /** Election cycle length in years (default 4). */
  electionEveryYears?: number;
  /** A year with an election (default 2027). */
  electionAnchorYear?: number;
  /** Election month 1..12 (default 9); the election is its second Monday, as in Norway. */
  electionMonth?: number;
}

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) {
    throw new RangeError(`Calendar: ${name} must be a positive integer (got ${v})`);
  }
  return v;
}

/**
 * Maps ticks to dates: tick t covers days [startDay + t*tickDays, startDay + (t+1)*tickDays).
 * Per-tick queries are O(1) and allocation-free; the tick lists are precomputed.
 */
export class Calendar {
  readonly ticks: number;
  readonly startDay: number;
  private readonly tickDays: number;
  private readonly every: number;
  private readonly anchor: number;
  private readonly month: number;
  private readonly elections: readonly number[];
  private readonly yearStarts: readonly number[];

  /** Immutable: copies of a world share it (engine/clone.ts). */
  [CLONE](): Calendar {
    return this;
  }

  constructor(startIso: string, ticks: number, opts: CalendarOptions = {}) {
    if (!Number.isInteger(ticks) || ticks < 0) {
      throw new RangeError(`Calendar: ticks must be a non-negative integer (got ${ticks})`);
    }
    this.ticks = ticks;
    this.startDay = parseIsoDate(startIso);
    this.tickDays = positiveInt('tickDays', opts.tickDays ?? 7);
    this.every = positiveInt('electionEveryYears', opts.electionEveryYears ?? 4);
    this.anchor = opts.electionAnchorYear ?? 2027;
    if (!Number.isInteger(this.anchor)) {
      throw new RangeError(`Calendar: electionAnchorYear must be an integer (got ${this.anchor})`);
    }
    this.month = opts.electionMonth ?? 9;
    if (!Number.isInteger(this.month) || this.month < 1 || this.month > 12) {
      throw new RangeError(`Calendar: electionMonth must be 1..12 (got ${this.month})`);
    }
    const elections: number[] = [];
    const yearStarts: number[] = [];
    for (let t = 0; t < ticks; t++) {
      if (this.isElection(t)) elections.push(t);
      if (this.isYearStart(t)) yearStarts.push(t);
    }
    this.elections = elections;
    this.yearStarts = yearStarts;
  }

  /** First day of the tick. */
  dayOf(tick: number): number {
    return this.startDay + tick * this.tickDays;
  }

  isoDate(tick: number): string {
    return formatIsoDate(this.dayOf(tick));
  }

  /** Calendar year of the tick's first day. */
  year(tick: number): number {
    return yearOf(this.dayOf(tick));
  }

  /** The tick whose days include 1 January (the budget year turns); never tick 0. */
  isYearStart(tick: number): boolean {
    if (tick <= 0) return false;
    const d = this.dayOf(tick);
    // 1 January of some year lies in [d, d+tickDays) iff the year changes between d-1 and the last day.
    return yearOf(d - 1) !== yearOf(d + this.tickDays - 1);
  }

  /** The tick whose days include an election day (second Monday of electionMonth in a cycle year). */
  isElection(tick: number): boolean {
    const d = this.dayOf(tick);
    const end = d + this.tickDays;
    for (let y = yearOf(d), last = yearOf(end - 1); y <= last; y++) {
      if ((((y - this.anchor) % this.every) + this.every) % this.every !== 0) continue;
      const e = this.electionDay(y);
      if (e >= d && e < end) return true;
    }
    return false;
  }

  /** Ticks in [0, ticks) for which isElection is true (a fresh copy). */
  electionTicks(): number[] {
    return this.elections.slice();
  }

  /** Ticks in [0, ticks) for which isYearStart is true (a fresh copy). */
  yearStartTicks(): number[] {
    return this.yearStarts.slice();
  }

  /** The tick containing the date: -1 if before the start, >= ticks if after the end. */
  tickOf(iso: string): number {
    const d = parseIsoDate(iso);
    return d < this.startDay ? -1 : Math.floor((d - this.startDay) / this.tickDays);
  }

  /** Second Monday of electionMonth in year y. */
  private electionDay(y: number): number {
    const first = daysFromCivil(y, this.month, 1);
    return first + ((7 - weekday(first)) % 7) + 7;
  }
}
