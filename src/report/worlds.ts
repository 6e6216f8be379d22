/**
 * Results across plausible worlds, for a batch run over an ensemble (tanker batch --ensemble): per
 * scenario and outcome, in what share of plausible worlds it beats the baseline, with Wilson's
 * interval (analysis/compare.ts plausibleWorlds), as sentences in nb and en. The one source of
 * these statements: `tanker compare` prints them, the report's summary and technical section show
 * them.
 */
import { type PlausibleWorlds, plausibleWorlds } from '../analysis/compare.js';
import type { Arm, BatchResults } from './batch-data.js';
import { indicatorInSentence } from './findings.js';
import { theBaseline } from './i18n.js';
import { indicatorName, type Lang, numbers } from './names.js';
import { betterDirection } from './units.js';

/** The outcome compare states across worlds, and the report's summary leads with. */
export const WORLDS_HEADLINE = 'transformationIndex';

export interface WorldsStatement {
  readonly arm: string;
  readonly indicator: string;
  /** Null when the arm did not run over the baseline's ensemble (then the sentence says so). */
  readonly result: PlausibleWorlds | null;
  readonly sentence: string;
}

export interface AcrossWorlds {
  readonly title: string;
  /** Replaces the report's "uncalibrated model" paragraph of how to read it. */
  readonly howToRead: string;
  /** Column headings of the table of every statement: scenario, outcome, share, interval, pairs. */
  readonly columns: readonly string[];
  /** The table's cells, one row per statement. */
  readonly rows: readonly (readonly string[])[];
  /** "Across plausible worlds (ensemble …, N members; …):" */
  readonly intro: string;
  /** That the intervals include parameter uncertainty as well as chance, and how the share is estimated. */
  readonly note: string;
  readonly statements: readonly WorldsStatement[];
}

interface Parts {
  arm: string;
  baseline: string;
  indicator: string;
  lowerIsBetter: boolean;
  share: string;
  low: string;
  high: string;
  wins: number;
  pairs: number;
}

const TEXT = {
  en: {
    intro: (name: string, members: number) =>
      `Across plausible worlds (ensemble ${name}, ${members} members; replicate r of every scenario runs with the same member):`,
    note: 'Each pair of replicates (the scenario’s and the baseline’s replicate r) is one draw of a plausible parameter set, in proportion to its weight, and of chance, so the share estimates the probability that the scenario does better, and its 95 % interval (Wilson) includes parameter uncertainty as well as chance. The means and intervals elsewhere in this report are over the same replicates, so they include parameter uncertainty too.',
    beats: (p: Parts) =>
      `${p.arm} beats ${p.baseline} on ${p.indicator} (final week${p.lowerIsBetter ? ', lower is better' : ''}) in ${p.share} of plausible worlds [95 % CI ${p.low} to ${p.high}] (${p.wins} of ${p.pairs} paired replicates; the interval includes parameter uncertainty and chance)`,
    otherEnsemble: (arm: string) => `${arm}: not run over the same ensemble as the baseline; no statement across plausible worlds`,
    howToRead: (name: string) =>
      `These results come from a model run over the ensemble ${name}: parameter sets calibrated to what was known (its targets), not one set of defaults. They are as good as those targets: compare scenarios with each other, and do not read the levels or dates as forecasts.`,
    title: 'Across plausible worlds',
    columns: ['Scenario', 'Outcome', 'Beats the baseline in', '95 % CI', 'Paired replicates'],
    notRun: 'not run over the baseline’s ensemble',
  },
  nb: {
    intro: (name: string, members: number) =>
      `På tvers av plausible verdener (ensemble ${name}, ${members} medlemmer; replikat r i hvert scenario kjører med det samme medlemmet):`,
    note: 'Hvert par av replikater (scenariets og referansens replikat r) er ett trekk av et plausibelt parametersett, i forhold til vekten, og av tilfeldighetene, så andelen anslår sannsynligheten for at scenariet gjør det bedre, og 95 %-intervallet (Wilson) omfatter både parameterusikkerhet og tilfeldigheter. Gjennomsnittene og intervallene ellers i rapporten er over de samme replikatene, så også de omfatter parameterusikkerhet.',
    beats: (p: Parts) =>
      `${p.arm} slår ${p.baseline} på ${p.indicator} (siste uke${p.lowerIsBetter ? ', lavere er bedre' : ''}) i ${p.share} av de plausible verdenene [95 % KI ${p.low} til ${p.high}] (${p.wins} av ${p.pairs} parrede replikater; intervallet omfatter både parameterusikkerhet og tilfeldigheter)`,
    otherEnsemble: (arm: string) =>
      `${arm}: ikke kjørt over det samme ensemblet som referansen; ingen påstand på tvers av plausible verdener`,
    howToRead: (name: string) =>
      `Resultatene kommer fra en modell kjørt over ensemblet ${name}: parametersett kalibrert mot det som var kjent (målene), ikke ett sett standardverdier. De er ikke bedre enn disse målene: sammenlign scenarioene med hverandre, og ikke les nivåene eller datoene som prognoser.`,
    title: 'På tvers av plausible verdener',
    columns: ['Scenario', 'Utfall', 'Slår referansen i', '95 % KI', 'Parrede replikater'],
    notRun: 'ikke kjørt over referansens ensemble',
  },
} as const;

/**
 * The statements across plausible worlds for every arm but the baseline, on each of `indicators`
 * that has a better direction; null when the baseline did not run over an ensemble.
 */
export function acrossWorlds(
  batch: BatchResults,
  baseline: Arm,
  lang: Lang,
  indicators: readonly string[] = [WORLDS_HEADLINE],
): AcrossWorlds | null {
  const e = baseline.ensemble;
  if (!e) return null;
  const T = TEXT[lang];
  const { pct } = numbers(lang);
  const statements: WorldsStatement[] = [];
  for (const arm of batch.arms) {
    if (arm.name === baseline.name) continue;
    for (const indicator of indicators) {
      const better = betterDirection(indicator);
      if (better === 'none') continue;
      if (arm.ensemble?.hash !== e.hash) {
        statements.push({ arm: arm.name, indicator, result: null, sentence: T.otherEnsemble(arm.name) });
        break;
      }
      const w = plausibleWorlds(batch.records, arm.name, baseline.name, indicator, better);
      const sentence = T.beats({
        arm: arm.name,
        baseline: theBaseline(lang, baseline.name),
        indicator: indicatorInSentence(lang, indicator),
        lowerIsBetter: better === 'down',
        share: pct(w.share),
        low: pct(w.low),
        high: pct(w.high),
        wins: w.wins,
        pairs: w.pairs,
      });
      statements.push({ arm: arm.name, indicator, result: w, sentence });
    }
  }
  const rows = statements.map((st) => {
    const w = st.result;
    const name = indicatorName(lang, st.indicator);
    return w ? [st.arm, name, pct(w.share), `${pct(w.low)} – ${pct(w.high)}`, `${w.wins} / ${w.pairs}`] : [st.arm, '', T.notRun, '', ''];
  });
  return {
    intro: T.intro(e.name || e.hash, e.members),
    note: T.note,
    statements,
    title: T.title,
    howToRead: T.howToRead(e.name || e.hash),
    columns: T.columns,
    rows,
  };
}
