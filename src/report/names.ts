/**
 * The one source of the names people read for indicators and levers, in Norwegian (bokmål) and
 * English, and of how numbers are written in each language (decimal comma in Norwegian). The
 * report, `tanker compare` and the explorer all take their names and numbers from here. Pure
 * TypeScript without Node APIs: the explorer bundles it for the browser.
 */
import { fmt, type NumberStyle, pct, pValue } from '../engine/format.js';
import { INDICATOR_SPECS, type IndicatorSpec, leverSpec } from '../model/index.js';

export const LANGS = ['nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Names of the two run summaries that are not recorded indicators. */
const SUMMARY_NAMES: Readonly<Record<'timeToTurn' | 'shareTurned', { en: string; nb: string }>> = {
  timeToTurn: { en: 'Time to turn (weeks)', nb: 'Tid til snuing (uker)' },
  shareTurned: { en: 'Share of replicates turned', nb: 'Andel replikater som snudde' },
};

/** The name of an indicator (or of `timeToTurn`, `shareTurned`); an unknown name is returned as it is. */
export function indicatorName(lang: Lang, name: string): string {
  const label =
    (INDICATOR_SPECS as Readonly<Record<string, IndicatorSpec>>)[name]?.label ??
    (SUMMARY_NAMES as Record<string, IndicatorSpec['label']>)[name];
  return label?.[lang] ?? name;
}

/** The title of a lever kind, from its declaration; an unknown kind is returned as it is. */
export function leverName(lang: Lang, kind: string): string {
  const spec = leverSpec(kind);
  return (lang === 'nb' ? spec?.titleNb : spec?.title) ?? kind;
}

/** How a scheduled lever is named: its own label in the language if the scenario gives one, else the lever's name. */
export function interventionName(
  lang: Lang,
  iv: { readonly kind: string; readonly label?: string | null; readonly labelNb?: string | null },
): string {
  return (lang === 'nb' ? iv.labelNb : iv.label) ?? leverName(lang, iv.kind);
}

/** A scenario's description in the language: `description_nb` in Norwegian when the file has it, else the English text. */
export function scenarioDescription(
  lang: Lang,
  s: { readonly description: string | null; readonly descriptionNb: string | null },
): string | null {
  return (lang === 'nb' ? s.descriptionNb : null) ?? s.description;
}

/** How numbers are written in the language: a decimal comma in Norwegian. */
export function numberStyle(lang: Lang): NumberStyle {
  return { decimal: lang === 'nb' ? ',' : '.' };
}

/** Number formatting bound to a language (engine/format.ts with the language's decimal mark). */
export interface Numbers {
  /** `digits` decimals, or about three significant digits. */
  num(v: number, digits?: number): string;
  /** A share as a percentage. */
  pct(v: number, digits?: number): string;
  /** A p-value for a table cell. */
  p(v: number): string;
}

export function numbers(lang: Lang): Numbers {
  const style = numberStyle(lang);
  return {
    num: (v, digits) => fmt(v, digits, style),
    pct: (v, digits) => pct(v, digits, style),
    p: (v) => pValue(v, style),
  };
}
