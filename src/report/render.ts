/**
 * Headless rendering of Vega-Lite specs: SVG through vega's `renderer: 'none'` view (no canvas, no
 * browser), PNG from that SVG through resvg with the system's DejaVu Sans. Bands are computed by
 * us, never by vega's bootstrap (which draws from Math.random), so the same spec always gives the
 * same bytes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '../io/atomic.js';
import { textWidth } from './text-width.js';
import { FONT } from './theme.js';

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}
interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}
interface VegaRuntimeExtras {
  readonly textMetrics: VegaTextMetrics;
  resetSVGDefIds(): void;
}
const runtime = vega as unknown as VegaRuntimeExtras;

/** Vega's text measure (used for layout and label truncation) from DejaVu Sans metrics. */
function measure(item: TextItem, text: unknown): number {
  const s = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
  const width = textWidth(s, size, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}
runtime.textMetrics.width = measure;

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vg } = compile(spec);
  // Definition ids (clip paths, gradients) count from 1 in every chart, whatever was drawn before.
  runtime.resetSVGDefIds();
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
  })
    .render()
    .asPng();
}

export interface RenderedChart {
  /** File stem, e.g. "fan-transformationIndex". */
  readonly name: string;
  readonly title: string;
  readonly svg: string;
  readonly files: readonly string[];
}

/** Renders a spec and writes NAME.svg, NAME.png (at `pngScale` times the SVG's size) and NAME.vl.json into `dir`. */
export async function writeChart(dir: string, name: string, title: string, spec: TopLevelSpec, pngScale = 2): Promise<RenderedChart> {
  mkdirSync(dir, { recursive: true });
  const svg = await toSvg(spec);
  const files = [`${name}.svg`, `${name}.png`, `${name}.vl.json`];
  writeFileAtomic(join(dir, files[0]!), svg);
  writeFileAtomic(join(dir, files[1]!), svgToPng(svg, pngScale));
  writeFileAtomic(join(dir, files[2]!), `${JSON.stringify(spec, null, 1)}\n`);
  return { name, title, svg, files };
}
