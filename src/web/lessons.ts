/**
 * Teacher mode: prepared lessons, each two scenario files of the library (scenarios/teaching/ and
 * the lever and package files) that differ in one idea, with a short explanation in English and
 * Norwegian (bokmål). A lesson's settings are its files, run as they are (nothing is re-encoded
 * here: tests/e2e/explorer-builder.test.ts checks that the explorer runs exactly the files'
 * scenarios) over LESSON_REPLICATES replicates; only the texts live here.
 */
import type { Lang } from '../report/names.js';
import { defaultSlot, type SlotConfig } from './config.js';

type Bi = Readonly<Record<Lang, string>>;
type BiList = Readonly<Record<Lang, readonly string[]>>;

export interface Lesson {
  readonly id: string;
  readonly title: Bi;
  readonly intro: Bi;
  readonly lookFor: BiList;
  readonly discuss: Bi;
  readonly labelA: Bi;
  readonly labelB: Bi;
  /** The scenario files of A and B: library ids (paths under scenarios/). */
  readonly a: string;
  readonly b: string;
  /** Indicator of the sixth chart. */
  readonly extra: string;
}

/**
 * Replicates a lesson runs. A lesson's story must not hang on one draw of chance: on one replicate
 * a model change once showed lesson 4's single lever above its package, while over 20 replicates
 * the package stayed well ahead. Five show the spread as a band around the median line and the
 * turns as "k of 5", for about two seconds of computing on the default preset.
 */
export const LESSON_REPLICATES = 5;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'push-or-tugboats',
    title: { en: 'Single top push or tugboats?', nb: 'Ett dytt fra toppen eller slepebåter?' },
    intro: {
      en: 'In A the director decides that the municipality shall co-create and says so loudly: a single push from the top. The strategy documents turn at once, but the message must pass every layer of middle managers, and each passes it on only now and then. In B there is no big decision. Instead about 3 % of the staff in every unit become tugboats: change agents who pass the direction straight to their colleagues, past the layers. Same municipality, same seed; only the push differs.',
      nb: 'I A bestemmer rådmannen at kommunen skal samskape, og sier det høyt: ett dytt fra toppen. Strategidokumentene snur med en gang, men budskapet må gjennom alle lagene av mellomledere, og hver av dem sender det bare av og til videre. I B kommer det ikke noe stort vedtak. I stedet blir om lag 3 % av de ansatte i hver enhet slepebåter: endringsagenter som gir retningen direkte videre til kollegene, forbi ledernivåene. Samme kommune og samme frø; bare drivkraften er ulik.',
    },
    lookFor: {
      en: [
        'The dashed documents line: it swings at once in A and does not move in B.',
        'The ship (practice) turns slowly in both. How far has each come after five years?',
        "The sixth chart, reach of the top's signal: which push reaches more of the staff, and how soon?",
      ],
      nb: [
        'Den stiplede dokumentlinjen: den svinger med en gang i A og står stille i B.',
        'Skipet (praksis) snur sakte i begge. Hvor langt har hvert av dem kommet etter fem år?',
        'Det sjette diagrammet, hvor langt toppens signal når: hvilken drivkraft når flest ansatte, og hvor raskt?',
      ],
    },
    discuss: {
      en: 'Why does the paper turn faster than practice? What would a leader in your municipality do next?',
      nb: 'Hvorfor snur papiret raskere enn praksis? Hva ville en leder i deres kommune gjort videre?',
    },
    labelA: { en: 'single top push', nb: 'ett dytt fra toppen' },
    labelB: { en: 'tugboats', nb: 'slepebåter' },
    a: 'teaching/single-top-push.yaml',
    b: 'teaching/tugboats.yaml',
    extra: 'signalReach',
  },
  {
    id: 'paper-or-practice',
    title: { en: 'Paper strategy or practice?', nb: 'Papirstrategi eller praksis?' },
    intro: {
      en: 'Many municipalities meet the call for co-creation with a new strategy and more plans. Paper is easy to move: the documents turn toward co-creation at once. But plans add reporting and give no time, mandate or leadership. In A that is all that happens. In B the same plans come with practice: leadership development toward coaching, a trust reform with clear mandates (which also cuts the reporting the plans add), competence built on the job, and week-long training labs.',
      nb: 'Mange kommuner svarer på kravet om samskaping med en ny strategi og flere planer. Papir er lett å flytte: dokumentene snur mot samskaping med en gang. Men planer gir mer rapportering, og verken tid, mandat eller ledelse. I A er det alt som skjer. I B kommer de samme planene sammen med praksis: lederutvikling mot coaching, en tillitsreform med tydelige mandater (som også kutter rapporteringen planene gir), kompetanse bygd i arbeidet og ukelange treningslaber.',
    },
    lookFor: {
      en: [
        'Both documents lines jump at the same moment: on paper A and B start equal (later, top management revises the plans on results).',
        'The shaded gap between documents and practice: it stays wide in A and narrows in B.',
        'Trust and the transformation index: what moves them, the plans or the practice levers?',
      ],
      nb: [
        'Begge dokumentlinjene hopper i samme øyeblikk: på papiret starter A og B likt (senere reviderer toppledelsen planene etter resultatene).',
        'Det skraverte gapet mellom dokumenter og praksis: det forblir stort i A og krymper i B.',
        'Tillit og transformasjonsindeksen: hva flytter dem, planene eller praksisgrepene?',
      ],
    },
    discuss: {
      en: 'Where in your own organisation is the gap between what the documents say and what people do?',
      nb: 'Hvor i deres egen organisasjon er gapet mellom det dokumentene sier og det folk gjør?',
    },
    labelA: { en: 'plans only (paper)', nb: 'bare planer (papir)' },
    labelB: { en: 'plans and practice', nb: 'planer og praksis' },
    a: 'teaching/paper-strategy.yaml',
    b: 'teaching/practice-change.yaml',
    extra: 'policyPracticeGap',
  },
  {
    id: 'two-or-five-layers',
    title: { en: '2 or 5 management layers?', nb: '2 eller 5 ledernivåer?' },
    intro: {
      en: 'The same decision at the top, a single push, in two organisations that differ only in the number of management layers between top management and the frontline: two in A, five in B. Each middle manager passes the signal on only with some probability, so what reaches the frontline shrinks with every layer it has to pass.',
      nb: 'Det samme vedtaket på toppen, ett dytt, i to organisasjoner som bare skiller seg i antall ledernivåer mellom toppledelsen og førstelinjen: to i A, fem i B. Hver mellomleder sender signalet videre bare med en viss sannsynlighet, så det som når førstelinjen, krymper for hvert ledd det må gjennom.',
    },
    lookFor: {
      en: [
        'The sixth chart: how much of the staff hears the signal in A, and in B?',
        'The ship: practice turns further in the flat organisation.',
        'The documents turn equally in both: the paper does not know how many layers there are.',
      ],
      nb: [
        'Det sjette diagrammet: hvor stor del av de ansatte hører signalet i A, og i B?',
        'Skipet: praksis snur mer i den flate organisasjonen.',
        'Dokumentene snur like mye i begge: papiret vet ikke hvor mange ledd det er.',
      ],
    },
    discuss: {
      en: 'Is removing layers the answer, or are there other ways past them (see lesson 1)?',
      nb: 'Er det å fjerne ledd svaret, eller finnes det andre veier forbi dem (se opplegg 1)?',
    },
    labelA: { en: '2 layers', nb: '2 ledernivåer' },
    labelB: { en: '5 layers', nb: '5 ledernivåer' },
    a: 'teaching/layers-2.yaml',
    b: 'teaching/layers-5.yaml',
    extra: 'signalReach',
  },
  {
    id: 'one-lever-or-a-package',
    title: { en: 'Turning the tanker: one lever or a package?', nb: 'Å snu tankskipet: ett grep eller en pakke?' },
    intro: {
      en: 'In A the municipality builds a matrix and moves project money from the lines to cross-unit teams: one strong structural lever. In B the same matrix and budget come with leadership development, so that middle managers coach and protect time for development. The tanker has turned when the transformation index (practice only: how people work, co-create, cross silos and make it routine) stays above its threshold line for a quarter of a year.',
      nb: 'I A bygger kommunen en matrise og flytter prosjektpenger fra linjene til team på tvers av enhetene: ett sterkt strukturgrep. I B kommer den samme matrisen og budsjettet sammen med lederutvikling, slik at mellomlederne coacher og verner tid til utvikling. Tankskipet har snudd når transformasjonsindeksen (bare praksis: hvordan folk jobber, samskaper, krysser siloer og gjør det til rutine) holder seg over terskellinjen i et kvartal.',
    },
    lookFor: {
      en: [
        'The transformation index and its threshold line: does A cross it within five years? Does B, and when?',
        'How long it takes in B: the turn comes after years, not months.',
        'The sixth chart, co-creation across silos: the structure alone already moves it, but is that enough?',
      ],
      nb: [
        'Transformasjonsindeksen og terskellinjen: krysser A den innen fem år? Gjør B det, og når?',
        'Hvor lang tid det tar i B: snuoperasjonen kommer etter år, ikke måneder.',
        'Det sjette diagrammet, samskaping på tvers av siloer: strukturen alene flytter den, men er det nok?',
      ],
    },
    discuss: {
      en: 'Why does a structure need leaders who carry it? Which package would your municipality be able to sustain for three years?',
      nb: 'Hvorfor trenger en struktur ledere som bærer den? Hvilken pakke ville deres kommune klart å holde ut i tre år?',
    },
    labelA: { en: 'matrix with budget (one lever)', nb: 'matrise med budsjett (ett grep)' },
    labelB: { en: 'matrix, budget and leadership (a package)', nb: 'matrise, budsjett og ledelse (en pakke)' },
    a: 'levers/matrix-budget.yaml',
    b: 'packages/matrix-budget-leadership.yaml',
    extra: 'crossSiloCoCreation',
  },
  {
    id: 'election-narrow-or-broad',
    title: { en: 'Through the election: narrow or broad backing?', nb: 'Gjennom valget: smal eller bred forankring?' },
    intro: {
      en: 'The same transformation in both: a top push, missions and leadership development from March 2026, with the same average political backing. In A nearly all the backing sits in the governing bloc; in B it is spread over all the blocs. In September 2027 the municipality holds its election: seats move between the blocs, and newcomers bring their own bloc’s backing with them.',
      nb: 'Den samme omstillingen i begge: et dytt fra toppen, oppdrag og lederutvikling fra mars 2026, med den samme politiske forankringen i snitt. I A ligger nesten all støtten hos det styrende partiet; i B er den spredt på alle partiene. I september 2027 er det kommunevalg: plasser går mellom partiene, og de nye tar med seg sitt partis støtte.',
    },
    lookFor: {
      en: [
        'The sixth chart, political backing: what happens to A and to B after the election in September 2027?',
        'The transformation index after the election: which one keeps its pace?',
        'Does either tanker turn within five years, and when?',
      ],
      nb: [
        'Det sjette diagrammet, politisk støtte: hva skjer med A og med B etter valget i september 2027?',
        'Transformasjonsindeksen etter valget: hvilken holder farten?',
        'Snur noen av tankskipene innen fem år, og når?',
      ],
    },
    discuss: {
      en: 'Who in your council backs the transformation today, and would it survive the next election?',
      nb: 'Hvem i deres kommunestyre støtter omstillingen i dag, og ville den overlevd neste valg?',
    },
    labelA: { en: 'narrow backing (one bloc)', nb: 'smal forankring (ett parti)' },
    labelB: { en: 'broad backing (all blocs)', nb: 'bred forankring (alle partier)' },
    a: 'teaching/election-mid-horizon.yaml',
    b: 'teaching/election-broad-anchoring.yaml',
    extra: 'politicalBacking',
  },
];

/** A lesson's configuration of a slot: its scenario file as it is, nothing added. */
export function lessonSlot(l: Lesson, s: 'A' | 'B'): SlotConfig {
  return defaultSlot(s === 'A' ? l.a : l.b);
}
