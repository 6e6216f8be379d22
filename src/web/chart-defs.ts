/**
 * Which charts the explorer shows and how their values read: five fixed charts and a sixth whose
 * indicator the user picks, their lines and line styles, and the number format of each. Titles and
 * legends of single indicators are the shared indicator names (report/names.ts). Pure.
 */
import { exactDecimals } from '../engine/format.js';
import { indicatorName, type Lang, numbers } from '../report/names.js';
import { DEFAULT_EXTRA } from './config.js';
import { type TextKey, t } from './i18n.js';

export type Format = 'pct' | 'num' | 'int';

export interface ChartLineDef {
  readonly ind: string;
  readonly dash: string | null;
  readonly width: number;
  /** Named in the legend (by its indicator name). */
  readonly legend?: boolean;
}

export interface ChartDef {
  readonly id: string;
  /** A title of its own; without one the chart is titled with its first line's indicator name. */
  readonly title?: TextKey;
  readonly note?: TextKey;
  readonly lines: readonly ChartLineDef[];
  readonly format: Format;
  readonly yMax?: number;
  /** Draw the turn threshold of the transformation index. */
  readonly threshold?: boolean;
}

/** Indicators the sixth chart can show, with their format. */
export const EXTRAS: Readonly<Record<string, Format>> = {
  signalReach: 'pct',
  policyPracticeGap: 'pct',
  documentsNPG: 'pct',
  coCreationActual: 'pct',
  coCreationReported: 'pct',
  routines: 'int',
  participationRate: 'pct',
  trustPoliticiansAdministration: 'num',
  politicalBacking: 'num',
  freeTime: 'num',
};
export const EXTRA_IDS = Object.keys(EXTRAS);

/**
 * The six charts; in a lesson, the sixth (the one its questions point at) comes first, next to the
 * tanker. A lesson that points at one of the five fixed charts gets that one first, and the sixth
 * shows the default extra indicator, so that no chart is drawn twice.
 */
export function chartDefs(extra: string, lessonFirst: boolean): ChartDef[] {
  const fixed = fixedCharts();
  const same = fixed.findIndex((d) => d.lines.length === 1 && d.lines[0]!.ind === extra);
  if (same >= 0 && extra !== DEFAULT_EXTRA) {
    const sixth = extraChart(DEFAULT_EXTRA);
    return lessonFirst ? [fixed[same]!, ...fixed.filter((_, i) => i !== same), sixth] : [...fixed, sixth];
  }
  return lessonFirst ? [extraChart(extra), ...fixed] : [...fixed, extraChart(extra)];
}

function extraChart(extra: string): ChartDef {
  return { id: 'extra', lines: [{ ind: extra, dash: null, width: 4 }], format: EXTRAS[extra] ?? 'num' };
}

function fixedCharts(): ChartDef[] {
  return [
    { id: 'index', lines: [{ ind: 'transformationIndex', dash: null, width: 4 }], format: 'num', threshold: true },
    {
      id: 'logic',
      title: 'chLogic',
      lines: [
        { ind: 'practiceNPG', dash: null, width: 4, legend: true },
        { ind: 'practiceNPM', dash: '11 6', width: 3, legend: true },
        { ind: 'practiceOA', dash: '2 6', width: 4, legend: true },
      ],
      format: 'pct',
      yMax: 1,
    },
    { id: 'cross', note: 'chCrossNote', lines: [{ ind: 'crossSiloCoCreation', dash: null, width: 3 }], format: 'pct' },
    {
      id: 'trust',
      title: 'chTrust',
      lines: [
        { ind: 'trustStaffManagement', dash: null, width: 4, legend: true },
        { ind: 'trustCitizens', dash: '11 6', width: 3, legend: true },
      ],
      format: 'num',
      yMax: 1,
    },
    { id: 'burnout', lines: [{ ind: 'burnout', dash: null, width: 4 }], format: 'num' },
  ];
}

export function chartTitle(def: ChartDef, lang: Lang): string {
  return def.title ? t(lang, def.title) : indicatorName(lang, def.lines[0]?.ind ?? '');
}

/** Tick labels with as many decimals as the tick step needs; values (step 0) with a fixed number. */
export function valueFormat(f: Format, lang: Lang): (v: number, step?: number) => string {
  const { num } = numbers(lang);
  if (f === 'pct') return (v, step) => `${num(100 * v, step ? exactDecimals(100 * step) : 1)} %`;
  if (f === 'int') return (v) => num(v, 0);
  return (v, step) => num(v, step ? Math.max(1, exactDecimals(step)) : 2);
}
