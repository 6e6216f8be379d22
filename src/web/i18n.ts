/** Every text of the explorer in English and Norwegian (bokmål). `{name}` marks a value filled in. */
import type { Lang } from './config.js';

const S = {
  pageTitle: ['Tanker explorer: turning the tanker', 'Tanker-utforskeren: å snu et tankskip'],
  title: ['Turning the tanker', 'Å snu et tankskip'],
  subtitle: ['Tanker explorer', 'Tanker-utforskeren'],
  skip: ['Skip to the results', 'Hopp til resultatene'],
  mode: ['Mode', 'Modus'],
  modeExplore: ['Explore', 'Utforsk'],
  modeTeach: ['Teacher mode', 'Lærermodus'],
  language: ['Language', 'Språk'],
  settings: ['Settings', 'Innstillinger'],
  compare: ['Compare two configurations (A and B)', 'Sammenlign to oppsett (A og B)'],
  editing: ['Settings shown for', 'Innstillingene gjelder'],
  slotA: ['Configuration A', 'Oppsett A'],
  slotB: ['Configuration B', 'Oppsett B'],
  scenario: ['Scenario', 'Scenario'],
  builtIn: ['Built-in medium municipality', 'Innebygd mellomstor kommune'],
  libraryTop: ['Library', 'Biblioteket'],
  loadFile: ['Load a scenario file (.yaml, .json)', 'Last inn en scenariofil (.yaml, .json)'],
  loadedFile: ['Loaded file: {name}', 'Innlastet fil: {name}'],
  baseInfo: ['{size} municipality, {weeks} weeks from {start}', '{size} kommune, {weeks} uker fra {start}'],
  baseLevers: ['Its own interventions: {list}', 'Egne tiltak i scenarioet: {list}'],
  baseSweep: ['It has a parameter sweep; the explorer runs one point of it.', 'Det har et parametersveip; utforskeren kjører ett punkt.'],
  sizeSmall: ['Small', 'Liten'],
  sizeMedium: ['Medium-sized', 'Mellomstor'],
  sizeLarge: ['Large', 'Stor'],
  structure: ['Structure', 'Struktur'],
  silo: ['Silo strength', 'Silostyrke'],
  siloHelp: ['How rarely ties and projects cross units (0 to 1)', 'Hvor sjelden bånd og prosjekter går på tvers av enheter (0 til 1)'],
  matrix: ['Matrix degree', 'Matrisegrad'],
  matrixHelp: ['Share of development work run across units (0 to 1)', 'Andel utviklingsarbeid som drives på tvers av enheter (0 til 1)'],
  layers: ['Management layers', 'Ledernivåer'],
  layersHelp: ['Between top management and the frontline, in every unit', 'Mellom toppledelsen og førstelinjen, i alle enheter'],
  asScenario: ['As in the scenario ({v})', 'Som i scenarioet ({v})'],
  scenarioValue: ['scenario: {v}', 'scenario: {v}'],
  levers: ['Levers', 'Virkemidler'],
  push: ['Push for change', 'Drivkraft for endringen'],
  pushNone: ['None', 'Ingen'],
  pushTop: ['Single top push', 'Ett dytt fra toppen'],
  pushTug: ['Tugboats (change agents)', 'Slepebåter (endringsagenter)'],
  pushBoth: ['Both', 'Begge'],
  paperStrategy: ['More plans and strategies (paper)', 'Flere planer og strategier (papir)'],
  trustReform: ['Trust reform', 'Tillitsreform'],
  roomToFail: ['Room to fail', 'Rom for å feile'],
  leadership: ['Leadership development', 'Lederutvikling'],
  budgetCut: ['Budget cut', 'Budsjettkutt'],
  leverStart: ['Levers start', 'Virkemidlene starter'],
  weekDate: ['week {w} ({d})', 'uke {w} ({d})'],
  runSetup: ['Run', 'Kjøring'],
  elections: ['Municipal election on', 'Kommunevalg'],
  seed: ['Seed (the same seed gives the same result)', 'Frø (samme frø gir samme resultat)'],
  replicates: ['Replicates', 'Replikater'],
  replicatesHelp: ['More than 1: the line is the median, the band 10–90 %', 'Flere enn 1: linjen er medianen, båndet 10–90 %'],
  extraChart: ['Sixth chart', 'Sjette diagram'],
  run: ['Run', 'Kjør'],
  reset: ['Reset this configuration', 'Tilbakestill dette oppsettet'],
  copyToB: ['Copy A to B', 'Kopier A til B'],
  playback: ['Playback', 'Avspilling'],
  play: ['Play', 'Spill av'],
  pause: ['Pause', 'Pause'],
  stepBack: ['Back 4 weeks', '4 uker tilbake'],
  stepFwd: ['Forward 4 weeks', '4 uker fram'],
  toStart: ['To the start', 'Til start'],
  toEnd: ['To the end', 'Til slutten'],
  time: ['Time', 'Tid'],
  speed: ['Speed', 'Fart'],
  speedSlow: ['Slow (12 s)', 'Sakte (12 s)'],
  speedNormal: ['Normal (6 s)', 'Normal (6 s)'],
  speedFast: ['Fast (3 s)', 'Rask (3 s)'],
  weekLabel: ['Week {w} · {d}', 'Uke {w} · {d}'],
  share: ['Share and export', 'Del og eksporter'],
  copyLink: ['Copy link', 'Kopier lenke'],
  link: ['Link to this configuration', 'Lenke til dette oppsettet'],
  linkCopied: ['Link copied.', 'Lenken er kopiert.'],
  linkSelect: ['Select the link in the field and copy it.', 'Marker lenken i feltet og kopier den.'],
  exportSvg: ['Charts as SVG', 'Diagrammer som SVG'],
  exportPng: ['Charts as PNG', 'Diagrammer som PNG'],
  exportYamlA: ['Scenario file A (YAML)', 'Scenariofil A (YAML)'],
  exportYamlB: ['Scenario file B (YAML)', 'Scenariofil B (YAML)'],
  running: ['Computing…', 'Beregner…'],
  ready: ['Ready.', 'Klar.'],
  doneStatus: ['Computed {n} run(s) in {ms} ms.', 'Beregnet {n} kjøring(er) på {ms} ms.'],
  errors: ['The scenario has errors, nothing was run:', 'Scenarioet har feil, ingenting ble kjørt:'],
  workerFailed: ['The computation could not start: {e}', 'Beregningen kunne ikke starte: {e}'],
  indexNowEnd: ['transformation index {now} now, {end} at the end', 'transformasjonsindeks {now} nå, {end} ved slutten'],
  turnedAt: ['turned in week {w} ({d})', 'snudd i uke {w} ({d})'],
  turnedShare: ['turned in {k} of {n} replicates', 'snudd i {k} av {n} replikater'],
  notTurned: ['not turned within the run', 'ikke snudd i løpet av kjøringen'],
  perRun: ['{ms} ms per run in the browser', '{ms} ms per kjøring i nettleseren'],
  medianOf: ['median of {n} replicates', 'median av {n} replikater'],
  // charts
  chIndex: ['Transformation index', 'Transformasjonsindeks'],
  chLogic: ['Logics in practice', 'Logikker i praksis'],
  chCross: ['Cross-silo co-creation', 'Samskaping på tvers av siloer'],
  chCrossNote: ['share of initiative team pairs across units', 'andel par i initiativteam på tvers av enheter'],
  chTrust: ['Trust', 'Tillit'],
  chBurnout: ['Burnout among staff', 'Utbrenthet blant ansatte'],
  threshold: ['turned', 'snudd'],
  OA: ['Bureaucracy', 'Byråkrati'],
  NPM: ['NPM', 'NPM'],
  NPG: ['Co-creation (NPG)', 'Samskaping (NPG)'],
  trustStaff: ['Staff–management', 'Ansatte–ledelse'],
  trustCitizens: ['Citizens', 'Innbyggere'],
  // extra chart choices
  signalReach: ["Reach of the top's signal", 'Hvor langt toppens signal når'],
  policyPracticeGap: ['Gap between documents and practice', 'Gap mellom dokumenter og praksis'],
  documentsNPG: ['Co-creation (NPG) in documents', 'Samskaping (NPG) i dokumentene'],
  coCreationActual: ['Staff in actual co-creation', 'Ansatte i reell samskaping'],
  coCreationReported: ['Staff in reported co-creation', 'Ansatte i rapportert samskaping'],
  routines: ['Institutionalised routines', 'Innarbeidede rutiner'],
  participationRate: ['Citizens taking part', 'Innbyggere som deltar'],
  trustPoliticiansAdministration: ['Trust politicians–administration', 'Tillit politikere–administrasjon'],
  politicalBacking: ['Political backing', 'Politisk støtte'],
  freeTime: ['Free time of staff', 'Ledig tid hos ansatte'],
  // tanker
  tankerTitle: ['The tanker: course on paper and heading in practice', 'Tankskipet: kurs på papiret og kurs i praksis'],
  oldCourse: ['Old course: service factory', 'Gammel kurs: tjenestefabrikk'],
  newCourse: ['New course: co-creation', 'Ny kurs: samskaping'],
  documents: ['Documents', 'Dokumenter'],
  practice: ['Practice', 'Praksis'],
  gap: ['gap {v} points', 'gap {v} poeng'],
  npgShare: ['% = share of|co-creation (NPG)', '% = andel|samskaping (NPG)'],
  tankerAria: [
    '{slot}: documents point {d} % toward co-creation, practice {p} % (gap {g} points) in week {w}.',
    '{slot}: dokumentene peker {d} % mot samskaping, praksis {p} % (gap {g} poeng) i uke {w}.',
  ],
  chartAria: ['{title}, week {w}: {values}', '{title}, uke {w}: {values}'],
  // teacher mode
  lessons: ['Lessons', 'Undervisningsopplegg'],
  lessonN: ['Lesson {n}', 'Opplegg {n}'],
  lookFor: ['Look for', 'Se etter'],
  discuss: ['Discuss', 'Diskuter'],
  replay: ['Play again', 'Spill av igjen'],
  toExplore: ['Change the settings yourself', 'Endre innstillingene selv'],
  chooseLesson: ['Choose a lesson to load both configurations and run them.', 'Velg et opplegg for å laste inn og kjøre begge oppsettene.'],
  caveat: [
    'The model is illustrative, not calibrated: compare directions and timing, not exact numbers.',
    'Modellen er illustrerende, ikke kalibrert: sammenlign retning og tidsforløp, ikke eksakte tall.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof S;

export function t(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  const text: string = S[key][lang === 'nb' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function isTextKey(k: string): k is TextKey {
  return Object.hasOwn(S, k);
}

/** Number formatting for the language: decimal comma in Norwegian. */
export function fmt(lang: Lang, v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(digits);
  return lang === 'nb' ? s.replace('.', ',') : s;
}

export function pct(lang: Lang, v: number, digits = 0): string {
  return `${fmt(lang, 100 * v, digits)} %`;
}
