/**
 * The tanker: the organisation's heading on a quarter dial from the old course (service factory:
 * bureaucracy and NPM, 0 % NPG) to the new course (co-creation, 100 % NPG). The dashed line is
 * the course on paper (NPG in documents), which turns at once; the ship is the heading in
 * practice (NPG in practice), which follows late; the shaded wedge between them is the gap.
 * Pure SVG text, one dial per configuration.
 */
import { escapeXml as esc } from '../engine/format.js';
import { FONT, INK, MUTED } from './charts.js';

export interface Heading {
  readonly label: string;
  readonly color: string;
  /** NPG shares in [0, 1] at the cursor. */
  readonly documents: number;
  readonly practice: number;
  /** Practice NPG at week 0 (the ghost ship). */
  readonly practice0: number;
}

export interface TankerText {
  readonly oldCourse: string;
  readonly newCourse: string;
  readonly documents: string;
  readonly practice: string;
  readonly gap: (points: string) => string;
  readonly percent: (v: number) => string;
  /** What the percentages are, in short lines, e.g. ["% = share of", "co-creation (NPG)"]. */
  readonly unit: readonly string[];
  readonly title: string;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function polar(cx: number, cy: number, r: number, share: number): [number, number] {
  const a = (clamp01(share) * Math.PI) / 2;
  return [cx + r * Math.cos(a), cy - r * Math.sin(a)];
}

function ship(R: number, fill: string, stroke: string, dashed: boolean): string {
  const s = 0.06 * R;
  const b = 0.8 * R;
  const w = 0.075 * R;
  const hull = `M${r1(s)},${r1(-w)} L${r1(b - 0.15 * R)},${r1(-w)} Q${r1(b)},${r1(-w * 0.25)} ${r1(b)},0 Q${r1(b)},${r1(w * 0.25)} ${r1(b - 0.15 * R)},${r1(w)} L${r1(s)},${r1(w)} Q${r1(s - 0.03 * R)},0 ${r1(s)},${r1(-w)} Z`;
  const dash = dashed ? ' stroke-dasharray="6 5"' : '';
  const out = [`<path d="${hull}" fill="${fill}" stroke="${stroke}" stroke-width="2.5"${dash}/>`];
  if (!dashed) {
    out.push(
      `<rect x="${r1(s + 0.04 * R)}" y="${r1(-w * 0.62)}" width="${r1(0.1 * R)}" height="${r1(w * 1.24)}" rx="3" fill="#ffffff" stroke="${stroke}" stroke-width="1.5"/>`,
    );
    for (let k = 0; k < 3; k++) {
      const hx = s + (0.24 + 0.14 * k) * R;
      out.push(
        `<rect x="${r1(hx)}" y="${r1(-w * 0.5)}" width="${r1(0.1 * R)}" height="${r1(w)}" rx="2" fill="#ffffff" fill-opacity="0.35"/>`,
      );
    }
  }
  return out.join('');
}

function dial(x0: number, y0: number, bw: number, bh: number, hd: Heading, tx: TankerText, fs: number): string {
  const p: string[] = [];
  const titleY = y0 + fs + 8;
  const readoutW = Math.min(300, Math.max(190, bw * 0.36));
  const pivotX = x0 + 26;
  const pivotY = y0 + bh - fs - 22;
  const R = Math.max(40, Math.min(bw - readoutW - 80, pivotY - (titleY + fs + 32)));
  const maxChars = Math.max(8, Math.floor((bw - 20) / ((fs + 4) * 0.62)));
  const label = hd.label.length > maxChars ? `${hd.label.slice(0, maxChars - 1)}…` : hd.label;
  p.push(
    `<text x="${x0 + 10}" y="${titleY}" font-size="${fs + 4}" font-weight="bold" fill="${hd.color}"><title>${esc(hd.label)}</title>${esc(label)}</text>`,
  );
  // Sea and dial.
  p.push(
    `<path d="M${pivotX},${pivotY} L${pivotX + R},${pivotY} A${R},${R} 0 0 0 ${pivotX},${pivotY - R} Z" fill="#e6f0f8" stroke="none"/>`,
  );
  p.push(`<path d="M${pivotX + R},${pivotY} A${R},${R} 0 0 0 ${pivotX},${pivotY - R}" fill="none" stroke="${MUTED}" stroke-width="2"/>`);
  for (let k = 0; k <= 10; k++) {
    const [ax, ay] = polar(pivotX, pivotY, R, k / 10);
    const [bx, by] = polar(pivotX, pivotY, R - (k % 5 === 0 ? 16 : 9), k / 10);
    p.push(`<line x1="${r1(ax)}" y1="${r1(ay)}" x2="${r1(bx)}" y2="${r1(by)}" stroke="${MUTED}" stroke-width="2"/>`);
  }
  for (const k of [0.25, 0.5, 0.75]) {
    const [lx, ly] = polar(pivotX, pivotY, R + 10, k);
    p.push(`<text x="${r1(lx + 2)}" y="${r1(ly - (k === 0.75 ? 4 : 0))}" fill="${MUTED}">${esc(tx.percent(k))}</text>`);
  }
  p.push(`<text x="${x0 + 8}" y="${pivotY + fs + 14}" fill="${INK}" font-weight="bold">${esc(tx.oldCourse)} →</text>`);
  p.push(`<text x="${pivotX - 8}" y="${pivotY - R - 20}" fill="${INK}" font-weight="bold">↑ ${esc(tx.newCourse)}</text>`);
  // Gap wedge between practice and documents.
  const lo = Math.min(hd.practice, hd.documents);
  const hi = Math.max(hd.practice, hd.documents);
  const rw = R * 0.92;
  const [gx1, gy1] = polar(pivotX, pivotY, rw, lo);
  const [gx2, gy2] = polar(pivotX, pivotY, rw, hi);
  p.push(
    `<path d="M${pivotX},${pivotY} L${r1(gx1)},${r1(gy1)} A${r1(rw)},${r1(rw)} 0 0 0 ${r1(gx2)},${r1(gy2)} Z" fill="${hd.color}" fill-opacity="0.16" stroke="none"/>`,
  );
  // Where practice started (ghost), where it heads now (ship), and the course on paper.
  const deg = (v: number) => r1(clamp01(v) * 90);
  p.push(`<g transform="translate(${pivotX},${pivotY}) rotate(${-deg(hd.practice0)})">${ship(R, 'none', MUTED, true)}</g>`);
  p.push(`<g transform="translate(${pivotX},${pivotY}) rotate(${-deg(hd.practice)})">${ship(R, hd.color, INK, false)}</g>`);
  const [px1, py1] = polar(pivotX, pivotY, R * 0.8, hd.practice);
  const [px2, py2] = polar(pivotX, pivotY, R, hd.practice);
  p.push(
    `<line x1="${r1(px1)}" y1="${r1(py1)}" x2="${r1(px2)}" y2="${r1(py2)}" stroke="${hd.color}" stroke-width="4" stroke-linecap="round"/>`,
  );
  const [dx, dy] = polar(pivotX, pivotY, R, hd.documents);
  p.push(
    `<line class="documents" x1="${pivotX}" y1="${pivotY}" x2="${r1(dx)}" y2="${r1(dy)}" stroke="${INK}" stroke-width="3.5" stroke-dasharray="10 7"/>`,
  );
  p.push(`<circle cx="${r1(dx)}" cy="${r1(dy)}" r="7" fill="${INK}"/>`);
  // Read-out.
  const rx = Math.min(x0 + bw - readoutW, pivotX + R + 70);
  let ry = titleY + fs + 40;
  const big = Math.round(fs * 1.6);
  p.push(
    `<line x1="${rx}" x2="${rx + 40}" y1="${ry - fs * 0.35}" y2="${ry - fs * 0.35}" stroke="${INK}" stroke-width="3.5" stroke-dasharray="10 7"/>`,
  );
  p.push(`<text x="${rx + 48}" y="${ry}" fill="${INK}">${esc(tx.documents)}</text>`);
  ry += big + 4;
  p.push(
    `<text class="v-documents" x="${rx}" y="${ry}" font-size="${big}" font-weight="bold" fill="${INK}">${esc(tx.percent(hd.documents))}</text>`,
  );
  ry += fs + 22;
  p.push(`<rect x="${rx}" y="${ry - fs * 0.35 - 7}" width="40" height="14" rx="5" fill="${hd.color}" stroke="${INK}" stroke-width="1.5"/>`);
  p.push(`<text x="${rx + 48}" y="${ry}" fill="${INK}">${esc(tx.practice)}</text>`);
  ry += big + 4;
  p.push(
    `<text class="v-practice" x="${rx}" y="${ry}" font-size="${big}" font-weight="bold" fill="${hd.color}">${esc(tx.percent(hd.practice))}</text>`,
  );
  ry += fs + 18;
  const gapPts = Math.round(100 * (hd.documents - hd.practice));
  p.push(`<rect x="${rx}" y="${ry - fs + 1}" width="40" height="${fs}" fill="${hd.color}" fill-opacity="0.16"/>`);
  p.push(`<text x="${rx + 48}" y="${ry}" fill="${INK}">${esc(tx.gap(String(gapPts)))}</text>`);
  tx.unit.forEach((line, i) => {
    p.push(`<text x="${rx}" y="${ry + fs + 16 + i * fs}" font-size="${fs - 3}" fill="${MUTED}">${esc(line)}</text>`);
  });
  return p.join('');
}

/**
 * The tanker view for one or two configurations, side by side. `scale` below 1 draws it smaller
 * than `width` × `height` (everything shrinks alike), for a dial in a low box.
 */
export function tankerSvg(width: number, height: number, headings: readonly Heading[], tx: TankerText, fontSize = 18, scale = 1): string {
  const n = Math.max(1, headings.length);
  const bw = width / n;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r1(width * scale)}" height="${r1(height * scale)}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="${fontSize}">`,
    `<title>${esc(tx.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  headings.forEach((hd, i) => {
    parts.push(dial(i * bw, 0, bw, height, hd, tx, fontSize));
    if (i > 0) parts.push(`<line x1="${r1(i * bw)}" x2="${r1(i * bw)}" y1="8" y2="${height - 8}" stroke="#c8c8c8" stroke-width="2"/>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
