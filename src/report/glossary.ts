/** The words of the report a strategist may not know, explained in English and Norwegian (bokmål). */
import type { Lang } from './names.js';

export interface GlossaryEntry {
  readonly term: string;
  readonly text: string;
}

const GLOSSARY: Readonly<Record<Lang, readonly GlossaryEntry[]>> = {
  en: [
    {
      term: 'NPG (New Public Governance)',
      text: 'A way of running the public sector through collaboration: staff, citizens, partners and politicians create services together (co-creation) across units and sectors. Tanker asks how far a municipality moves towards it.',
    },
    {
      term: 'NPM (New Public Management)',
      text: 'Steering by targets, measurement, reporting and competition, borrowed from business. In the model it competes with NPG and bureaucracy for how staff think and work.',
    },
    {
      term: 'OA / bureaucracy (Old Public Administration)',
      text: 'Rule-following, hierarchy and clear lines of authority: the traditional public administration. In a hybrid municipality all three logics (bureaucracy, NPM, NPG) are present at once.',
    },
    {
      term: 'Practice vs documents',
      text: 'Documents are plans and strategies; practice is how staff actually work day to day. A municipality can write NPG into its documents long before practice follows; the difference is the policy-practice gap.',
    },
    {
      term: 'Transformation index',
      text: 'One number from 0 to 1 for how far practice has changed: a weighted mean of NPG in practice, actual co-creation, co-creation across silos and institutionalised routines, each measured against what counts as full.',
    },
    {
      term: 'Turning',
      text: 'A run “turns” in the first week its transformation index has averaged at least the turning threshold over the preceding weeks (a quarter by default), so one good week does not count. A run that never gets there has not turned within the run: practice did not change enough, which does not mean it never would.',
    },
    {
      term: 'Confidence interval (95 % CI)',
      text: 'The range that, with 95 % confidence, holds the true mean of the model’s runs for that scenario (or the true difference between two scenarios). An interval for a difference that includes zero means the runs do not show a clear difference. It says how precisely the model’s average is known, not how certain the future of a real municipality is.',
    },
    {
      term: 'Run (replicate)',
      text: 'One simulation of a scenario with its own random events. Each scenario is run many times; the report gives the mean over runs and how far they spread.',
    },
  ],
  nb: [
    {
      term: 'NPG (New Public Governance, samstyring)',
      text: 'En måte å styre offentlig sektor på gjennom samarbeid: ansatte, innbyggere, partnere og politikere skaper tjenester sammen (samskaping) på tvers av enheter og sektorer. Tanker spør hvor langt en kommune beveger seg mot dette.',
    },
    {
      term: 'NPM (New Public Management, nyoffentlig styring)',
      text: 'Styring gjennom mål, måling, rapportering og konkurranse, hentet fra næringslivet. I modellen konkurrerer den med NPG og byråkrati om hvordan de ansatte tenker og arbeider.',
    },
    {
      term: 'OA / byråkrati (tradisjonell offentlig administrasjon)',
      text: 'Regelstyring, hierarki og klare linjer for myndighet: den tradisjonelle forvaltningen. I en hybrid kommune finnes alle tre logikkene (byråkrati, NPM, NPG) samtidig.',
    },
    {
      term: 'Praksis og dokumenter',
      text: 'Dokumenter er planer og strategier; praksis er hvordan de ansatte faktisk arbeider i hverdagen. En kommune kan skrive NPG inn i dokumentene lenge før praksis følger etter; forskjellen er gapet mellom dokumenter og praksis.',
    },
    {
      term: 'Transformasjonsindeks',
      text: 'Ett tall fra 0 til 1 for hvor mye praksis har endret seg: et vektet gjennomsnitt av NPG i praksis, faktisk samskaping, samskaping på tvers av siloer og institusjonaliserte rutiner, hver målt mot det som regnes som fullt.',
    },
    {
      term: 'Snuing',
      text: 'En kjøring «snur» den første uken transformasjonsindeksen i snitt har ligget på minst terskelen for snuing de foregående ukene (et kvartal som standard), så én god uke teller ikke. En kjøring som aldri kommer dit, har ikke snudd i løpet av kjøringen: praksis endret seg ikke nok, men det betyr ikke at den aldri ville gjort det.',
    },
    {
      term: 'Konfidensintervall (95 % KI)',
      text: 'Området som med 95 % sikkerhet rommer det sanne gjennomsnittet av modellens kjøringer for scenariet (eller den sanne forskjellen mellom to scenarioer). Et intervall for en forskjell som omfatter null, betyr at kjøringene ikke viser noen klar forskjell. Det sier hvor presist modellens gjennomsnitt er kjent, ikke hvor sikker fremtiden til en virkelig kommune er.',
    },
    {
      term: 'Kjøring (replikat)',
      text: 'Én simulering av et scenario med sine egne tilfeldige hendelser. Hvert scenario kjøres mange ganger; rapporten gir gjennomsnittet over kjøringene og hvor mye de sprer seg.',
    },
  ],
};

export function glossary(lang: Lang): readonly GlossaryEntry[] {
  return GLOSSARY[lang];
}
