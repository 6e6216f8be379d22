/**
 * What the package builder shows about levers that the lever declarations (src/model/levers) do
 * not hold: a one-line description in Norwegian (bokmål) of each lever's `changes` line, and the
 * group it is listed in (the module of src/model/levers that declares it; the model's public
 * surface does not say). A lever missing here still appears in the builder, under "Other levers"
 * with its English `changes` line, so a new lever needs no edit of the explorer;
 * tests/e2e/explorer-builder.test.ts says which levers still lack a group or a Norwegian line.
 */
import type { Lang } from '../report/names.js';

/** What each lever changes, in one line, in Norwegian (the English line is the declaration's `changes`). */
export const LEVER_CHANGES_NB: Readonly<Record<string, string>> = {
  matrix:
    'mer matriseorganisering (team på tvers av enheter som knytter bånd); uklare roller; linjelederne holder fastere på eget budsjett',
  'matrix-budget': 'matrise og en større andel av budsjettet til prosjekter på tvers; færre kamper om ressursene',
  portfolio:
    'porteføljestyring: stanser forslag uten verdi, samordner (mer kapasitet til oppmerksomhet), støtter overtakelse og sprer rutiner mellom enheter',
  'trust-reform':
    'mindre rapportering, mer selvstendighet, styring mot tillit (NPG); selvstendighet gir fart bare med tydelige mandater, ellers bremser den',
  'room-to-fail': 'feil gir mindre frykt og koster mindre tillit, og de gir læring; flere forslag',
  'leadership-development': 'mellomledere går uke for uke mot en coachende stil; de sender signalet oftere videre og er mindre usikre',
  'flatten-layers': 'fjerner ledernivåer (ned til 2): nivået over førstelinjen slås sammen med nivået over',
  tugboats: 'gjør en andel av de ansatte til endringsagenter som gir retningen videre til kollegene, forbi ledernivåene',
  'top-push': 'toppledelsens engasjement og trykk (toppens signal) øker; dokumentene skrives om mot NPG med en gang',
  'strategy-plans':
    'nye planer: toppledelsen skriver dokumentene om mot NPG med en gang; planene gir mer rapportering, men verken signal, ressurser eller design («papir-NPG»)',
  mission: 'felles oppdrag skrevet inn i planene starter samstemte initiativ på tvers av enheter, forankret politisk',
  'living-lab': 'toppledelsen starter radikale partnerskapsinitiativ som trekker inn mange innbyggere og partnere',
  'utopia-workshop': 'toppledelsen starter initiativ på radikale problemer som trekker inn mange innbyggere',
  'service-design': 'toppledelsen starter tjenesteinitiativ som involverer brukerne',
  'training-lab': 'toppledelsen starter initiativ der deltakerne får ekstra kompetanse',
  'politicians-arenas': 'tannhjulsmodellen: politikerne lærer hva samskaping er og tar en interaktiv rolle; de overstyrer sjeldnere',
  'early-co-creation': 'den politiske behandlingen kommer etter samskapingen: sjeldnere overstyring',
  'legal-review': 'den interne (tolkende) juridiske strengheten går ned; den statlige delen står',
  'competence-on-the-job': 'kompetansen vokser gjennom praksis i initiativene, ikke gjennom kurs',
  outreach: 'flere fra grupper som er vanskelige å nå, deltar; med ankerinstitusjoner når en familier og unge gjennom skoler og barnehager',
  volunteers: 'driftsoppgaver flyttes til frivillige (mer ledig tid); frivillige partnere slites og kan brenne ut',
  'cross-sector-budgeting':
    'svekker siloene i sektorbudsjettene: mindre binding til eget budsjett, lavere silostyrke, lettere å få penger til tiltak',
  automation: 'mindre driftsarbeid, mer ledig tid',
  concept: 'et bredere begrep gjør at mer arbeid kalles samskaping (rapportert opp, faktisk uendret); et tydelig begrep gjør det motsatte',
  'budget-cut': 'mer budsjettpress: toppledelsen strammer styringen mot NPM-kontroll og frykter kostnader mer i budsjettvedtakene',
  'remote-work-shock': 'silostyrken øker for en periode («en fest for silobyggere»)',
  'pace-of-change':
    'raskt: mange påtvungne endringer (belastning, tid) med sterkere trykk; sakte: færre påtvungne endringer («jobb sakte for å jobbe fort»)',
};

/** The groups of the builder, in the order it shows them, and the levers of each (the modules of src/model/levers). */
export const LEVER_GROUP_OF: Readonly<Record<string, 'structure' | 'leadership' | 'participation'>> = {
  matrix: 'structure',
  'matrix-budget': 'structure',
  'cross-sector-budgeting': 'structure',
  'remote-work-shock': 'structure',
  automation: 'structure',
  'flatten-layers': 'structure',
  'strategy-plans': 'leadership',
  'top-push': 'leadership',
  mission: 'leadership',
  tugboats: 'leadership',
  'leadership-development': 'leadership',
  'pace-of-change': 'leadership',
  'trust-reform': 'leadership',
  'room-to-fail': 'leadership',
  portfolio: 'leadership',
  'competence-on-the-job': 'leadership',
  'politicians-arenas': 'participation',
  'early-co-creation': 'participation',
  'legal-review': 'participation',
  outreach: 'participation',
  volunteers: 'participation',
  concept: 'participation',
  'budget-cut': 'participation',
  'living-lab': 'participation',
  'utopia-workshop': 'participation',
  'service-design': 'participation',
  'training-lab': 'participation',
};

export const GROUP_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  structure: { en: 'Structure and budgets', nb: 'Struktur og budsjett' },
  leadership: { en: 'Leadership and direction', nb: 'Ledelse og retning' },
  participation: { en: 'Politics, law, methods and participation', nb: 'Politikk, jus, metoder og medvirkning' },
  other: { en: 'Other levers', nb: 'Andre virkemidler' },
};

/** Options' descriptions in Norwegian, by `kind.option` (the English one is the declaration's `doc`). */
export const OPTION_DOCS_NB: Readonly<Record<string, string>> = {
  'trust-reform.clearMandates': 'om mandatene blir tydeliggjort sammen med reformen',
  'leadership-development.rate': 'andel av avstanden til full coaching som tas hver uke ved intensitet 1',
  'flatten-layers.layers': 'ledernivåer som fjernes i hver enhet',
  'tugboats.share': 'andel av de ansatte som blir slepebåter ved intensitet 1',
  'mission.perYear': 'oppdragsinitiativ startet per år ved intensitet 1',
  'living-lab.perYear': 'initiativ per år ved intensitet 1',
  'utopia-workshop.perYear': 'initiativ per år ved intensitet 1',
  'service-design.perYear': 'initiativ per år ved intensitet 1',
  'training-lab.perYear': 'initiativ per år ved intensitet 1',
  'outreach.anchorInstitutions': 'trekk inn ankerinstitusjoner (skoler, barnehager) som partnere',
  'concept.direction': 'gjør begrepet bredere (broaden) eller tydeligere (clarify)',
  'pace-of-change.mode': 'mange raske påtvungne endringer (rapid) eller bevisst sakte (slow)',
};
