/**
 * Look of the charts: readable on a projector (large type, thick lines), scenario colours from
 * palette.ts (Okabe-Ito first: distinguishable with the common colour-vision deficiencies), DejaVu
 * Sans (present on the system; resvg renders the PNGs with it).
 */
import { type Lang, vegaLocale } from './i18n.js';

export const FONT = 'DejaVu Sans';

export const ELECTION_COLOUR = '#666666';
export const LINE_WIDTH = 3.5;
/** Plot area of a single-panel chart in pixels. */
export const WIDTH = 880;
export const HEIGHT = 400;

/** Vega-Lite `config` shared by every chart. */
export function chartConfig(lang: Lang): Record<string, unknown> {
  return {
    font: FONT,
    locale: vegaLocale(lang),
    background: 'white',
    padding: 16,
    title: {
      fontSize: 24,
      subtitleFontSize: 16,
      subtitleColor: '#333333',
      anchor: 'start',
      offset: 16,
      subtitlePadding: 8,
      limit: 0,
    },
    axis: {
      labelFontSize: 16,
      titleFontSize: 17,
      titleFontWeight: 'bold',
      labelColor: '#222222',
      titleColor: '#222222',
      gridColor: '#e4e4e4',
      domainColor: '#888888',
      tickColor: '#888888',
      labelLimit: 360,
      titlePadding: 10,
    },
    // The same room for y labels in every panel, so the plot areas of small multiples line up.
    axisY: { minExtent: 58 },
    legend: {
      labelFontSize: 16,
      titleFontSize: 16,
      symbolSize: 400,
      symbolStrokeWidth: 5,
      labelLimit: 360,
      orient: 'bottom',
      direction: 'horizontal',
      columnPadding: 24,
    },
    header: { labelFontSize: 18, titleFontSize: 18, labelFontWeight: 'bold', labelLimit: 480 },
    text: { fontSize: 15 },
    view: { stroke: '#cccccc' },
    line: { strokeWidth: LINE_WIDTH },
  };
}
