/**
 * Texts of the report in Norwegian (bokmål) and English: chart texts, table headings and the
 * report page, with the indicator and lever names and number formatting of names.ts. `--lang nb|en`
 * picks one.
 */
import type { TestKind } from '../analysis/ttest.js';
import { decimalsFor } from '../engine/format.js';
import { indicatorName, interventionName, type Lang, leverName, numbers, scenarioDescription } from './names.js';

export { LANGS, type Lang } from './names.js';

export interface Dict {
  readonly lang: Lang;
  indicator(name: string): string;
  lever(kind: string): string;
  /** A scheduled lever's name: its label in the language, else the lever's name. */
  intervention(iv: { readonly kind: string; readonly label: string | null; readonly labelNb: string | null }): string;
  /** A scenario's description in the language (the English one where no translation is given). */
  description(s: { readonly description: string | null; readonly descriptionNb: string | null }): string | null;
  /** Number with about three significant decimals, in the language's decimal mark. */
  num(v: number, digits?: number): string;
  /** "m [lo, hi]" with the language's separators, all with the decimals that suit m and the interval's width. */
  ci(m: number, lo: number, hi: number, digits?: number): string;
  /** The two parts of `ci`: the mean and "[lo, hi]" ('' without an interval). */
  ciParts(m: number, lo: number, hi: number, digits?: number): { mean: string; interval: string };
  pct(v: number): string;
  p(v: number): string;
  readonly t: Texts;
}

export interface Texts {
  readonly scenario: string;
  readonly baseline: string;
  readonly date: string;
  readonly election: string;
  readonly median: string;
  readonly level: string;
  readonly documents: string;
  readonly practice: string;
  readonly indicator: string;
  readonly difference: string;
  readonly turnThreshold: string;
  readonly turnWeek: string;
  readonly gap: string;
  readonly notDefined: string;
  fanTitle(indicator: string): string;
  fanSubtitle(replicates: string, faceted: boolean): string[];
  readonly turnTitle: string;
  turnSubtitle(threshold: string): string[];
  turnedLabel(arm: string, turned: number, n: number): string;
  readonly noneTurned: string;
  readonly logicTitle: string;
  readonly logicSubtitle: string[];
  readonly participationTitle: string;
  readonly participationSubtitle: string[];
  readonly trustTitle: string;
  readonly trustSubtitle: string[];
  /** How to read a panel chart: with bands, or medians only (many scenarios). */
  panelLegend(bands: boolean): string;
  readonly summaryTitle: string;
  summarySubtitle(replicates: string): string[];
  forestTitle(baseline: string): string;
  readonly forestSubtitle: string[];
  readonly significant: string;
  readonly notSignificant: string;
  sweepTitle(scenario: string): string;
  sweepSubtitle(replicates: string, grid: boolean): string[];
  sweepMapTitle(scenario: string): string;
  sweepMapSubtitle(replicates: string): string[];
  readonly testNames: Record<TestKind, string>;
  readonly report: ReportTexts;
}

export interface ReportTexts {
  readonly title: string;
  readonly generated: string;
  readonly howToReadTitle: string;
  readonly howToRead: readonly string[];
  readonly scenariosTitle: string;
  readonly description: string;
  readonly seed: string;
  readonly replicates: string;
  readonly interventions: string;
  readonly noInterventions: string;
  readonly startsWeek: string;
  readonly endsWeek: string;
  readonly sweepPoint: string;
  readonly chartsTitle: string;
  readonly summaryTitle: string;
  readonly findingsTitle: string;
  readonly findingsIntro: string;
  readonly glossaryTitle: string;
  readonly sweepsTitle: string;
  sweepsIntro(scenario: string, points: number): string;
  compareTitle(baseline: string): string;
  readonly compareNote: readonly string[];
  readonly noComparison: string;
  readonly columns: Record<
    'indicator' | 'scenario' | 'meanBaseline' | 'meanScenario' | 'diff' | 'ci' | 'd' | 'p' | 'test' | 'n' | 'note',
    string
  >;
  readonly pairs: string;
  turnFootnote(counts: string): string;
  readonly files: string;
  readonly model: string;
  readonly plan: string;
  /** What `tanker compare` prints around its table. */
  readonly compareCli: {
    header(baseline: string): string;
    readonly footer: string;
    readonly turnNote: string;
    onlyOne(baseline: string, dir: string): string;
    wrote(files: string): string;
  };
}

/** "the baseline", or "the baseline “NAME”" when the baseline scenario has another name. */
export function theBaseline(lang: Lang, name: string): string {
  if (lang === 'nb') return name === 'baseline' ? 'referansen' : `referansen «${name}»`;
  return name === 'baseline' ? 'the baseline' : `the baseline “${name}”`;
}

const EN_TEXTS: Texts = {
  scenario: 'Scenario',
  baseline: 'baseline',
  date: 'Date',
  election: 'Election',
  median: 'median',
  level: 'NPG in',
  documents: 'documents',
  practice: 'practice',
  indicator: 'Indicator',
  difference: 'Difference from baseline',
  turnThreshold: 'turn threshold',
  turnWeek: 'Date of turning',
  gap: 'gap',
  notDefined: 'not defined',
  fanTitle: (ind) => `${ind} over time`,
  fanSubtitle: (reps, faceted) => [
    `Line: median; dark band: middle 50 %; light band: middle 90 % of ${reps} replicates per scenario.`,
    faceted
      ? 'Dashed grey: elections; dashed in colour: interventions start; thin black: baseline median.'
      : 'Dashed grey: elections; dashed in colour: interventions start.',
  ],
  turnTitle: 'When does the tanker turn? Transformation index and time to turn',
  turnSubtitle: (thr) => [
    `Top: median and middle 50 %/90 % of the index; dotted line: turn threshold ${thr}.`,
    'Bottom: one mark per replicate at the week it first passed the threshold; ◆ median; k/n: replicates turned of all.',
  ],
  turnedLabel: (arm, k, n) => `${arm}: ${k}/${n}`,
  noneTurned: 'No replicate of any scenario reached the threshold within the run.',
  logicTitle: 'NPG in documents and in practice: the policy-practice gap',
  logicSubtitle: [
    'Dashed: NPG share in strategy documents; solid: NPG share in everyday practice (median, band: middle 50 %).',
    'The shaded area between them is the policy-practice gap.',
  ],
  participationTitle: 'Who takes part? Participation inequality and segments among participants',
  participationSubtitle: ['Gini of participation among citizens who took part, and each segment’s share of current participants.'],
  trustTitle: 'Trust between staff, management, politicians, citizens and partners',
  trustSubtitle: [],
  panelLegend: (bands) =>
    bands
      ? 'Line: median; band: middle 50 % of replicates. Dashed grey: elections.'
      : 'Line: median of replicates (no bands: too many scenarios to overlay them). Dashed grey: elections.',
  summaryTitle: 'Summary: final values and time to turn, per scenario',
  summarySubtitle: (reps) => [
    `Mean [95 % confidence interval of the mean] over ${reps} replicates, at the last week of the run.`,
    'Time to turn: among replicates that turned only.',
  ],
  forestTitle: (b) => `Difference from ${theBaseline('en', b)} at the end of the run`,
  forestSubtitle: [
    'Dot: scenario mean minus baseline mean; bar: 95 % confidence interval; filled: p < 0.05 (unadjusted).',
    'Each panel has its own scale; shares in percentage points (pp). A bar crossing the grey zero line: no clear difference.',
  ],
  significant: 'p < 0.05',
  notSignificant: 'p ≥ 0.05',
  sweepTitle: (s) => `${s}: the outcomes against the swept values`,
  sweepSubtitle: (reps, grid) => [
    `Mean at the end of the run over ${reps} replicates per sweep point, with its 95 % confidence interval (${grid ? 'band' : 'bar'}); turned: share of runs that turned.`,
    'Each panel has its own scale; shares in %.',
  ],
  sweepMapTitle: (s) => `${s}: the outcomes over both swept values (heat map)`,
  sweepMapSubtitle: (reps) => [
    `Each cell: the mean at the end of the run over ${reps} replicates at that sweep point, written in the cell; turned: share of runs that turned.`,
    'Colour from dark (lowest in the panel) to light (highest); each panel has its own scale, so even a tiny spread fills it: read the numbers. Intervals: see the sweep table.',
  ],
  testNames: { 'paired-t': 'paired t-test', 'welch-t': 'Welch t-test', 'one-sample-t': 'one-sample t-test', none: 'no test' },
  report: {
    title: 'Tanker: scenario report',
    generated: 'Batch',
    howToReadTitle: 'How to read this',
    howToRead: [
      'These results come from an uncalibrated model: its numbers are plausible defaults, not measurements of a real municipality. Compare scenarios with each other; do not read the levels or dates as forecasts.',
      'Each scenario was simulated many times (replicates) with different random draws. Bands show how far the replicates spread; confidence intervals show how precisely the mean is known. With more replicates, intervals narrow and even tiny differences become “significant”: look at the size of a difference (and Cohen’s d), not only at p.',
      'Scenarios with the same seed share their random numbers (replicate r of each sees the same chance events), so they are compared pairwise (paired t-test); others with Welch’s t-test. p-values are not adjusted for the many comparisons (the CSV file has Holm-adjusted values).',
      'Time to turn is the first week the transformation index passes its threshold. Replicates that never turn are counted in the share turned and left out of the turn-week comparison.',
    ],
    scenariosTitle: 'Scenarios',
    description: 'Description',
    seed: 'Seed',
    replicates: 'Replicates',
    interventions: 'Interventions',
    noInterventions: 'none',
    startsWeek: 'from week',
    endsWeek: 'until week',
    sweepPoint: 'sweep point',
    chartsTitle: 'Charts',
    summaryTitle: 'Final values and time to turn',
    findingsTitle: 'What the runs show',
    findingsIntro:
      'Each sentence compares the mean of the runs at the end of the run; shares are in % of staff, scores on their 0–1 scale. “Better” and “worse” follow each indicator’s declared direction and need the 95 % interval to exclude zero. Abbreviations and terms are explained in the glossary below.',
    glossaryTitle: 'Glossary',
    sweepsTitle: 'Parameter sweeps',
    sweepsIntro: (s, n) =>
      `${s} varies parameters over ${n} sweep points; each point is named by its values. The table gives the mean at the end of the run with its 95 % confidence interval, and the share of runs that turned; the chart draws the same against the first swept value.`,
    compareTitle: (b) => `Technical details: every comparison with ${theBaseline('en', b)}, tests and effect sizes`,
    compareNote: [
      'Difference = scenario mean − baseline mean, at the last week (time to turn: weeks, among turned replicates).',
      'Cohen’s d = difference / pooled standard deviation of the two scenarios (the same for paired rows, so effect sizes are comparable); |d| ≈ 0.2 small, 0.5 medium, 0.8 large. A very large d (above about 5) means the runs barely vary, so the difference is certain; it does not mean the difference matters in practice: judge that from the difference itself.',
      'Shares are in %, their differences in percentage points (pp). Intervals are clipped to the values an indicator can take (shares and scores between 0 and 1, counts from 0).',
    ],
    noComparison: 'The batch has only one scenario: nothing to compare.',
    columns: {
      indicator: 'Indicator',
      scenario: 'Scenario',
      meanBaseline: 'Baseline',
      meanScenario: 'Scenario',
      diff: 'Difference',
      ci: '95 % CI',
      d: 'Cohen’s d',
      p: 'p',
      test: 'Test',
      n: 'n',
      note: 'Note',
    },
    pairs: 'pairs',
    turnFootnote: (c) =>
      `Time to turn is compared among replicates that turned only; replicates that never turned are censored and left out (turned: ${c}).`,
    files: 'Files',
    model: 'model version',
    plan: 'plan',
    compareCli: {
      header: (b) =>
        `Each scenario against ${theBaseline('en', b)}: final values (last week) and time to turn; difference = scenario − baseline, 95 % CI clipped to the possible range.`,
      footer:
        'paired t-test: same seed, so replicate r of both shares its random numbers; Welch: independent samples. p not adjusted (compare.csv has Holm-adjusted pHolm).',
      turnNote: 'time to turn: among replicates that turned only (the others are censored).',
      onlyOne: (b, dir) => `only one scenario (${b}) in ${dir}: nothing to compare`,
      wrote: (files) => `wrote ${files}`,
    },
  },
};

const NB_TEXTS: Texts = {
  scenario: 'Scenario',
  baseline: 'referanse',
  date: 'Dato',
  election: 'Valg',
  median: 'median',
  level: 'NPG i',
  documents: 'dokumenter',
  practice: 'praksis',
  indicator: 'Indikator',
  difference: 'Forskjell fra referansen',
  turnThreshold: 'terskel for snuing',
  turnWeek: 'Dato for snuing',
  gap: 'gap',
  notDefined: 'ikke definert',
  fanTitle: (ind) => `${ind} over tid`,
  fanSubtitle: (reps, faceted) => [
    `Linje: median; mørkt bånd: midterste 50 %; lyst bånd: midterste 90 % av ${reps} replikater per scenario.`,
    faceted
      ? 'Stiplet grått: valg; stiplet i farge: tiltak starter; tynn svart: referansens median.'
      : 'Stiplet grått: valg; stiplet i farge: tiltak starter.',
  ],
  turnTitle: 'Når snur tankskipet? Transformasjonsindeks og tid til snuing',
  turnSubtitle: (thr) => [
    `Øverst: median og midterste 50 %/90 % av indeksen; prikket linje: terskel for snuing ${thr}.`,
    'Nederst: ett merke per replikat i uken indeksen først passerte terskelen; ◆ median; k/n: replikater som snudde av alle.',
  ],
  turnedLabel: (arm, k, n) => `${arm}: ${k}/${n}`,
  noneTurned: 'Ingen replikater i noe scenario nådde terskelen i løpet av kjøringen.',
  logicTitle: 'NPG i dokumenter og i praksis: gapet mellom policy og praksis',
  logicSubtitle: [
    'Stiplet: NPG-andel i strategidokumenter; heltrukket: NPG-andel i daglig praksis (median, bånd: midterste 50 %).',
    'Det skraverte feltet mellom dem er gapet mellom policy og praksis.',
  ],
  participationTitle: 'Hvem deltar? Ulikhet i deltakelse og grupper blant deltakerne',
  participationSubtitle: ['Gini for deltakelse blant innbyggere som har deltatt, og hver gruppes andel av dem som deltar nå.'],
  trustTitle: 'Tillit mellom ansatte, ledelse, politikere, innbyggere og partnere',
  trustSubtitle: [],
  panelLegend: (bands) =>
    bands
      ? 'Linje: median; bånd: midterste 50 % av replikatene. Stiplet grått: valg.'
      : 'Linje: median av replikatene (uten bånd: for mange scenarioer til å legge dem oppå hverandre). Stiplet grått: valg.',
  summaryTitle: 'Sammendrag: sluttverdier og tid til snuing, per scenario',
  summarySubtitle: (reps) => [
    `Gjennomsnitt [95 % konfidensintervall for gjennomsnittet] over ${reps} replikater, siste uke i kjøringen.`,
    'Tid til snuing: bare blant replikater som snudde.',
  ],
  forestTitle: (b) => `Forskjell fra ${theBaseline('nb', b)} ved slutten av kjøringen`,
  forestSubtitle: [
    'Punkt: scenariets gjennomsnitt minus referansens; strek: 95 % konfidensintervall; fylt: p < 0,05 (ujustert).',
    'Hvert panel har egen skala; andeler i prosentpoeng (pp). En strek som krysser den grå nullinjen: ingen klar forskjell.',
  ],
  significant: 'p < 0,05',
  notSignificant: 'p ≥ 0,05',
  sweepTitle: (s) => `${s}: utfallene mot de varierte verdiene`,
  sweepSubtitle: (reps, grid) => [
    `Gjennomsnitt ved slutten av kjøringen over ${reps} replikater per punkt, med 95 % konfidensintervall (${grid ? 'bånd' : 'strek'}); snudde: andel kjøringer som snudde.`,
    'Hvert panel har egen skala; andeler i %.',
  ],
  sweepMapTitle: (s) => `${s}: utfallene over begge de varierte verdiene (varmekart)`,
  sweepMapSubtitle: (reps) => [
    `Hver rute: gjennomsnittet ved slutten av kjøringen over ${reps} replikater i det punktet, skrevet i ruten; snudde: andel kjøringer som snudde.`,
    'Farge fra mørk (lavest i panelet) til lys (høyest); hvert panel har egen skala, så selv en liten spredning fyller den: les tallene. Intervaller: se tabellen.',
  ],
  testNames: { 'paired-t': 'parret t-test', 'welch-t': 'Welch t-test', 'one-sample-t': 't-test mot en verdi', none: 'ingen test' },
  report: {
    title: 'Tanker: scenariorapport',
    generated: 'Batch',
    howToReadTitle: 'Slik leser du dette',
    howToRead: [
      'Resultatene kommer fra en ukalibrert modell: tallene er rimelige standardverdier, ikke målinger av en virkelig kommune. Sammenlign scenarioene med hverandre; ikke les nivåene eller datoene som prognoser.',
      'Hvert scenario er simulert mange ganger (replikater) med ulike tilfeldige trekk. Båndene viser hvor mye replikatene sprer seg; konfidensintervallene viser hvor presist gjennomsnittet er kjent. Med flere replikater blir intervallene smalere, og selv små forskjeller blir «signifikante»: se på hvor stor en forskjell er (og Cohens d), ikke bare på p.',
      'Scenarioer med samme frø deler tilfeldige tall (replikat r i hvert scenario møter de samme tilfeldighetene), så de sammenlignes parvis (parret t-test); andre med Welchs t-test. p-verdiene er ikke justert for de mange sammenligningene (CSV-filen har Holm-justerte verdier).',
      'Tid til snuing er første uke transformasjonsindeksen passerer terskelen. Replikater som aldri snur, telles i andelen som snudde og holdes utenfor sammenligningen av snuuke.',
    ],
    scenariosTitle: 'Scenarioer',
    description: 'Beskrivelse',
    seed: 'Frø',
    replicates: 'Replikater',
    interventions: 'Tiltak',
    noInterventions: 'ingen',
    startsWeek: 'fra uke',
    endsWeek: 'til uke',
    sweepPoint: 'punkt i parameterutforskning',
    chartsTitle: 'Figurer',
    summaryTitle: 'Sluttverdier og tid til snuing',
    findingsTitle: 'Hva kjøringene viser',
    findingsIntro:
      'Hver setning sammenligner gjennomsnittet av kjøringene ved slutten av kjøringen; andeler er i % av de ansatte, skårer på sin skala fra 0 til 1. «Bedre» og «verre» følger retningen hver indikator er erklært med, og krever at 95 %-intervallet ikke omfatter null. Forkortelser og faguttrykk er forklart i ordlisten nedenfor.',
    glossaryTitle: 'Ordliste',
    sweepsTitle: 'Parameterutforskning',
    sweepsIntro: (s, n) =>
      `${s} varierer parametere over ${n} punkter; hvert punkt er navngitt etter verdiene sine. Tabellen gir gjennomsnittet ved slutten av kjøringen med 95 % konfidensintervall, og andelen kjøringer som snudde; figuren viser det samme mot den første varierte verdien.`,
    compareTitle: (b) => `Tekniske detaljer: alle sammenligninger med ${theBaseline('nb', b)}, tester og effektstørrelser`,
    compareNote: [
      'Forskjell = scenariets gjennomsnitt − referansens gjennomsnitt, siste uke (tid til snuing: uker, blant replikater som snudde).',
      'Cohens d = forskjell / samlet standardavvik for de to scenarioene (det samme for parrede rader, så effektstørrelsene kan sammenlignes); |d| ≈ 0,2 liten, 0,5 middels, 0,8 stor. En svært stor d (over omtrent 5) betyr at kjøringene nesten ikke varierer, så forskjellen er sikker; den betyr ikke at forskjellen har betydning i praksis: det må du vurdere ut fra selve forskjellen.',
      'Andeler er i %, forskjellene deres i prosentpoeng (pp). Intervallene er kuttet til verdiene en indikator kan ta (andeler og skårer mellom 0 og 1, antall fra 0).',
    ],
    noComparison: 'Batchen har bare ett scenario: ingenting å sammenligne.',
    columns: {
      indicator: 'Indikator',
      scenario: 'Scenario',
      meanBaseline: 'Referanse',
      meanScenario: 'Scenario',
      diff: 'Forskjell',
      ci: '95 % KI',
      d: 'Cohens d',
      p: 'p',
      test: 'Test',
      n: 'n',
      note: 'Merknad',
    },
    pairs: 'par',
    turnFootnote: (c) =>
      `Tid til snuing sammenlignes bare blant replikater som snudde; replikater som aldri snudde, er sensurert og holdt utenfor (snudde: ${c}).`,
    files: 'Filer',
    model: 'modellversjon',
    plan: 'plan',
    compareCli: {
      header: (b) =>
        `Hvert scenario mot ${theBaseline('nb', b)}: sluttverdier (siste uke) og tid til snuing; forskjell = scenario − referanse, 95 % KI kuttet til mulige verdier.`,
      footer:
        'parret t-test: samme frø, så replikat r i begge deler tilfeldige tall; Welch: uavhengige utvalg. p er ikke justert (compare.csv har Holm-justert pHolm).',
      turnNote: 'tid til snuing: bare blant replikater som snudde (de andre er sensurert).',
      onlyOne: (b, dir) => `bare ett scenario (${b}) i ${dir}: ingenting å sammenligne`,
      wrote: (files) => `skrev ${files}`,
    },
  },
};

export function dictionary(lang: Lang): Dict {
  const nb = lang === 'nb';
  const { num, pct, p } = numbers(lang);
  const sep = nb ? '; ' : ', ';
  const ciParts = (m: number, lo: number, hi: number, digits?: number) => {
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) return { mean: num(m, digits), interval: '' };
    const k = digits ?? decimalsFor(Math.max(Math.abs(m), (hi - lo) / 2));
    return { mean: num(m, k), interval: `[${num(lo, k)}${sep}${num(hi, k)}]` };
  };
  return {
    lang,
    indicator: (name) => indicatorName(lang, name),
    lever: (kind) => leverName(lang, kind),
    intervention: (iv) => interventionName(lang, iv),
    description: (s) => scenarioDescription(lang, s),
    num,
    ci: (m, lo, hi, digits) => {
      const parts = ciParts(m, lo, hi, digits);
      return parts.interval ? `${parts.mean} ${parts.interval}` : parts.mean;
    },
    ciParts,
    pct,
    p,
    t: nb ? NB_TEXTS : EN_TEXTS,
  };
}

/** Vega locale (number and time formats) for the language. */
export function vegaLocale(lang: Lang): Record<string, unknown> {
  if (lang === 'en') return {};
  return {
    number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], minus: '−' },
    time: {
      dateTime: '%A %e. %B %Y kl. %X',
      date: '%d.%m.%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
      shortDays: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
      months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
      shortMonths: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
    },
  };
}
