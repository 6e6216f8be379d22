/**
 * Text for people to read: numbers, p-values, percentages, plain-text tables and XML escaping,
 * shared by every layer (the report, `tanker compare`, the terminal tables of the analyses and
 * the docking suite, the explorer in the browser). Pure TypeScript, no Node APIs. Files meant for
 * programs write numbers with io/tables.ts `formatNumber` instead (nine significant digits, '.'
 * always), so they stay exact and parseable.
 */

export interface NumberStyle {
  /** Decimal mark: ',' in Norwegian text; '.' (the default) otherwise. */
  readonly decimal?: '.' | ',';
  /**
   * Exponent notation (1.23e−7) for non-zero magnitudes that the decimals would show as zero, and
   * for magnitudes from 10^5 up: for terminal tables of values of unknown scale.
   */
  readonly exponent?: boolean;
}

/** Decimals that show about three significant digits of a magnitude (0 to 6): 0.0438 → 4, 4.38 → 2, 438 → 0. */
export function decimalsFor(a: number): number {
  if (!(a > 0) || !Number.isFinite(a)) return 0;
  return Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(a) + 1e-9)));
}

/**
 * Decimals needed to write `x` exactly, at most 6: the labels of axis ticks `x` apart
 * (0.25 → 2, 0.5 → 1, 5 → 0). Unlike decimalsFor, it never pads a round step with zeros.
 */
export function exactDecimals(x: number): number {
  if (!(x > 0)) return 2;
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6) return d;
  return 6;
}

/**
 * A number with `digits` decimals (default: about three significant digits, decimalsFor), the
 * typographic minus sign (−), never a negative zero, '–' for a missing value (NaN) and ∞ for
 * infinities.
 */
export function fmt(v: number, digits?: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(v)) return v === Number.POSITIVE_INFINITY ? '∞' : v === Number.NEGATIVE_INFINITY ? '−∞' : '–';
  const a = Math.abs(v);
  const d = digits ?? decimalsFor(a);
  let s = style.exponent && a !== 0 && (a >= 1e5 || a < 10 ** -d) ? v.toExponential(2) : v.toFixed(d);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s.replace('.', style.decimal ?? '.').replace(/-/g, '−');
}

/** A share as a percentage: 0.305 → "31 %" ('–' when missing). */
export function pct(v: number, digits = 0, style: NumberStyle = {}): string {
  return Number.isFinite(v) ? `${fmt(100 * v, digits, style)} %` : '–';
}

/** A p-value for a table cell: three decimals, "< 0.001" below that. */
export function pValue(p: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? `< ${fmt(0.001, 3, style)}` : fmt(p, 3, style);
}

/** A p-value in a sentence: "p < 0.001" or "p = 0.042". */
export function pText(p: number, style: NumberStyle = {}): string {
  const v = pValue(p, style);
  return v.startsWith('<') ? `p ${v}` : `p = ${v}`;
}

/** Text safe inside XML and HTML, in element content and in double-quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap to lines of at most `width` characters (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export interface TableColumn {
  readonly title: string;
  /** Right-aligned (numbers); left-aligned by default. */
  readonly right?: boolean;
  /** A fixed width: cells are word-wrapped to it. By default the column is as wide as its widest cell. */
  readonly width?: number;
}

export interface TableOptions {
  /** Between columns; default two spaces. A rule line turns its spaces into '-' and '|' into '+'. */
  readonly gap?: string;
  /** A rule line after every row too, not only under the header (for tables of wrapped text). */
  readonly rowRules?: boolean;
}

/** Characters as a person counts them (code points, so 'μ*' is two). */
const width = (s: string) => [...s].length;

/**
 * A fixed-width plain-text table for the terminal: a header, a rule of dashes and the rows; no
 * trailing spaces. Every row has one cell per column.
 */
export function textTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: TableOptions = {}): string {
  const gap = opts.gap ?? '  ';
  const widths = columns.map((c, j) => c.width ?? Math.max(width(c.title), ...rows.map((r) => width(r[j] ?? ''))));
  const pad = (s: string, j: number) => {
    const fill = ' '.repeat(Math.max(0, widths[j]! - width(s)));
    return columns[j]!.right ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join(gap).trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join(gap.trim() === '' ? gap : gap.replace(/ /g, '-').replace('|', '+'));
  const out = [line(columns.map((c) => c.title)), rule];
  for (const r of rows) {
    const cells = columns.map((c, j) => (c.width === undefined ? [r[j] ?? ''] : wrapText(r[j] ?? '', c.width)));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(cells.map((c) => c[k] ?? '')));
    if (opts.rowRules) out.push(rule);
  }
  return out.join('\n');
}
