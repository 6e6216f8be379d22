/**
 * Time-series charts as self-contained SVG text (no chart library, no fonts from the network):
 * lines drawn up to the playback cursor, optional bands over replicates, year ticks on the x
 * axis, a threshold line and a legend of line styles. Pure functions, so they render the same in
 * the page and in exported files.
 */
import { formatIsoDate, parseIsoDate } from '../engine/calendar.js';
import { escapeXml as esc } from '../engine/format.js';

/** Okabe–Ito: colour-blind-safe. A and B use blue and vermillion; text stays near black. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const SLOT_COLORS = { A: OKABE_ITO.blue, B: OKABE_ITO.vermillion } as const;
export const INK = '#111111';
export const MUTED = '#444444';
export const FONT = "'DejaVu Sans', 'Verdana', 'Segoe UI', system-ui, sans-serif";

export interface Series {
  readonly mid: ArrayLike<number>;
  readonly lo: ArrayLike<number> | null;
  readonly hi: ArrayLike<number> | null;
}

export interface ChartLine {
  readonly name: string;
  readonly color: string;
  readonly dash: string | null;
  readonly width: number;
  readonly series: Series;
}

export interface LegendItem {
  readonly label: string;
  /** Line colour; default near-black (for line styles shared by A and B). */
  readonly color?: string;
  readonly dash: string | null;
  readonly width: number;
}

export interface ChartSpec {
  readonly width: number;
  readonly height: number;
  /** Length of the run in weeks. */
  readonly ticks: number;
  /** Last week drawn (inclusive): the playback cursor. */
  readonly upTo: number;
  readonly startDate: string;
  readonly lines: readonly ChartLine[];
  /** Fixed y range; by default 0 to a round number above the largest value of the whole run. */
  readonly yMin?: number;
  readonly yMax?: number;
  /** Tick label of a value; `step` is the distance between ticks (for choosing decimals). */
  readonly format: (v: number, step: number) => string;
  readonly threshold?: { readonly value: number; readonly label: string } | null;
  readonly legend?: readonly LegendItem[];
  readonly fontSize?: number;
  /** Smallest type the chart may shrink to (from `fontSize`) so that the plot keeps half its height. */
  readonly minFontSize?: number;
  /** Accessible name (the SVG <title>). */
  readonly title: string;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, no time zone involved). */
export function dayNumber(iso: string): number {
  try {
    return parseIsoDate(iso);
  } catch {
    return 0;
  }
}

/** The date of week `tick` of a run starting on `startDate` (the engine's calendar arithmetic). */
export function weekDate(startDate: string, tick: number): string {
  return formatIsoDate(dayNumber(startDate) + 7 * tick);
}

/** Weeks at which a new calendar year begins, labelled with the year. */
export function yearTicks(startDate: string, ticks: number): { tick: number; label: string }[] {
  const d0 = dayNumber(startDate);
  const y0 = Number(startDate.slice(0, 4));
  const out: { tick: number; label: string }[] = [];
  for (let y = y0; y <= y0 + Math.ceil(ticks / 52) + 1; y++) {
    const tick = Math.ceil((Math.round(Date.UTC(y, 0, 1) / 86_400_000) - d0) / 7);
    if (tick >= 0 && tick < ticks) out.push({ tick, label: String(y) });
  }
  return out;
}

/** A round upper bound and tick step for values up to `max`. */
export function niceScale(max: number, target = 4): { max: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 0.25 };
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

function seriesMax(s: Series, ticks: number): number {
  let m = Number.NEGATIVE_INFINITY;
  const src = s.hi ?? s.mid;
  for (let t = 0; t < ticks; t++) {
    const v = src[t]!;
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

function path(values: ArrayLike<number>, upTo: number, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let t = 0; t <= upTo; t++) {
    const v = values[t]!;
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r1(x(t))},${r1(y(v))}`;
    pen = true;
  }
  return d;
}

function bandPath(s: Series, upTo: number, x: (t: number) => number, y: (v: number) => number): string {
  if (!s.lo || !s.hi) return '';
  const lo = s.lo;
  const hi = s.hi;
  let d = '';
  for (let t = 0; t <= upTo; t++) d += `${t === 0 ? 'M' : 'L'}${r1(x(t))},${r1(y(hi[t]!))}`;
  for (let t = upTo; t >= 0; t--) d += `L${r1(x(t))},${r1(y(lo[t]!))}`;
  return `${d}Z`;
}

/** Length of a legend's line sample: 34 px at the usual 17 px type. */
const swatch = (fs: number) => Math.round(2 * fs);

/** Legend items laid out in rows that fit `width` (text width estimated for a wide sans-serif). */
function legendRows(items: readonly LegendItem[], width: number, fs: number): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; x: number }[][] = [];
  // Small type (a small chart): rows start at the edge rather than at the plot, to fit more per row.
  const left = fs >= 15 ? Math.round(fs * 3.6) : 8;
  let row: { item: LegendItem; x: number }[] = [];
  let x = left;
  for (const item of items) {
    const w = swatch(fs) + 6 + Math.ceil(item.label.length * fs * 0.62) + 16;
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = left;
    }
    row.push({ item, x });
    x += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** One chart as SVG text. */
export function lineChart(c: ChartSpec): string {
  const margins = (fs: number) => {
    const rows = legendRows(c.legend ?? [], c.width - 14, fs);
    const legendH = rows.length > 0 ? rows.length * (fs + 10) + 4 : 0;
    return { rows, m: { left: Math.round(fs * 3.6), right: 14, top: 10 + legendH, bottom: Math.round(fs * 1.9) } };
  };
  let fs = c.fontSize ?? 17;
  let { rows, m } = margins(fs);
  while (fs > (c.minFontSize ?? fs) && m.top + m.bottom > c.height / 2) ({ rows, m } = margins(--fs));
  const w = Math.max(10, c.width - m.left - m.right);
  const h = Math.max(10, c.height - m.top - m.bottom);
  const ticks = Math.max(1, c.ticks);
  const upTo = Math.max(0, Math.min(ticks - 1, Math.round(c.upTo)));
  let yMin = c.yMin ?? 0;
  let yMax = c.yMax;
  let step: number;
  if (yMax === undefined) {
    const top = Math.max(0, ...c.lines.map((l) => seriesMax(l.series, ticks)), c.threshold ? c.threshold.value : 0);
    const s = niceScale(top);
    yMax = s.max;
    step = s.step;
  } else {
    step = niceScale(yMax - yMin).step;
  }
  if (yMax <= yMin) yMax = yMin + 1;
  yMin = Math.min(yMin, yMax);
  // A low plot labels every other tick (and so on), so that the labels never overlap.
  while ((step / (yMax - yMin)) * h < fs * 1.3 && step < yMax - yMin) step *= 2;
  const x = (t: number) => m.left + (ticks <= 1 ? 0 : (t / (ticks - 1)) * w);
  const y = (v: number) => m.top + h - ((Math.min(Math.max(v, yMin), yMax) - yMin) / (yMax - yMin)) * h;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${c.width}" height="${c.height}" viewBox="0 0 ${c.width} ${c.height}" font-family="${esc(FONT)}" font-size="${fs}">`,
    `<title>${esc(c.title)}</title>`,
    `<rect x="0" y="0" width="${c.width}" height="${c.height}" fill="#ffffff"/>`,
  );
  // Grid and y labels.
  for (let v = yMin, i = 0; v <= yMax + 1e-9 && i < 20; v = yMin + ++i * step) {
    const yy = r1(y(v));
    parts.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${yy}" y2="${yy}" stroke="#d0d0d0" stroke-width="1"/>`);
    parts.push(
      `<text x="${m.left - 8}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="${INK}">${esc(c.format(v, step))}</text>`,
    );
  }
  // Years on the x axis.
  for (const yt of yearTicks(c.startDate, ticks)) {
    const xx = r1(x(yt.tick));
    parts.push(`<line x1="${xx}" x2="${xx}" y1="${m.top}" y2="${m.top + h + 6}" stroke="#e2e2e2" stroke-width="1"/>`);
    parts.push(`<text x="${xx}" y="${m.top + h + fs + 6}" text-anchor="middle" fill="${INK}">${yt.label}</text>`);
  }
  parts.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${m.top + h}" y2="${m.top + h}" stroke="${INK}" stroke-width="1.5"/>`);
  if (c.threshold) {
    const ty = r1(y(c.threshold.value));
    parts.push(`<line x1="${m.left}" x2="${m.left + w}" y1="${ty}" y2="${ty}" stroke="${MUTED}" stroke-width="2" stroke-dasharray="3 5"/>`);
    parts.push(`<text x="${m.left + w - 4}" y="${ty - 6}" text-anchor="end" fill="${MUTED}">${esc(c.threshold.label)}</text>`);
  }
  for (const l of c.lines) {
    const band = bandPath(l.series, upTo, x, y);
    if (band) parts.push(`<path d="${band}" fill="${l.color}" fill-opacity="0.18" stroke="none"/>`);
  }
  for (const l of c.lines) {
    const d = path(l.series.mid, upTo, x, y);
    if (!d) continue;
    const dash = l.dash ? ` stroke-dasharray="${l.dash}"` : '';
    parts.push(
      `<path class="line" data-name="${esc(l.name)}" d="${d}" fill="none" stroke="${l.color}" stroke-width="${l.width}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`,
    );
    const v = l.series.mid[upTo]!;
    if (Number.isFinite(v)) parts.push(`<circle cx="${r1(x(upTo))}" cy="${r1(y(v))}" r="${l.width + 2}" fill="${l.color}"/>`);
  }
  if (upTo < ticks - 1) {
    const cx = r1(x(upTo));
    parts.push(`<line x1="${cx}" x2="${cx}" y1="${m.top}" y2="${m.top + h}" stroke="${INK}" stroke-width="1.5" stroke-opacity="0.55"/>`);
  }
  rows.forEach((row, r) => {
    const ly = 6 + fs / 2 + 2 + r * (fs + 10);
    for (const { item: it, x: lx } of row) {
      const dash = it.dash ? ` stroke-dasharray="${it.dash}"` : '';
      const sw = swatch(fs);
      parts.push(`<line x1="${lx}" x2="${lx + sw}" y1="${ly}" y2="${ly}" stroke="${it.color ?? INK}" stroke-width="${it.width}"${dash}/>`);
      parts.push(`<text x="${lx + sw + 6}" y="${ly}" dominant-baseline="middle" fill="${INK}">${esc(it.label)}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
