/**
 * The one source of the names people read for indicators and levers, in Norwegian (bokmål) and
 * English, and of how numbers are written in each language (decimal comma in Norwegian). The
 * report, `tanker compare` and the explorer all take their names and numbers from here. Pure
 * TypeScript without Node APIs: the explorer bundles it for the browser.
 */
import { fmt, type NumberStyle, pct, pValue } from '../engine/format.js';
import { type IndicatorName, leverSpec } from '../model/index.js';

export const LANGS = ['nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Names = Record<IndicatorName | 'timeToTurn' | 'shareTurned', string>;

const INDICATOR_EN: Names = {
  initiativesActive: 'Active initiatives',
  initiativesStarted: 'Initiatives started',
  initiativesSucceeded: 'Initiatives succeeded',
  initiativesFailed: 'Initiatives failed',
  initiativesBlocked: 'Initiatives blocked',
  blockedLegal: 'Blocked by the legal gate',
  blockedSpending: 'Blocked by the spending gate',
  blockedPolitical: 'Blocked by the political gate',
  initiativesInstitutionalised: 'Initiatives institutionalised',
  initiativesDecayed: 'Routines decayed',
  routines: 'Institutionalised routines',
  proposals: 'Proposals',
  crossSiloShare: 'Cross-silo share of initiative teams',
  crossUnitTieShare: 'Cross-unit share of staff ties',
  coCreationActual: 'Actual co-creation (share of staff)',
  coCreationReported: 'Reported co-creation (share of staff)',
  publicValue: 'Public value (cumulative)',
  documentsOA: 'Bureaucracy in documents',
  documentsNPM: 'NPM in documents',
  documentsNPG: 'NPG in documents',
  steeringOA: 'Bureaucracy in steering',
  steeringNPM: 'NPM in steering',
  steeringNPG: 'NPG in steering',
  practiceOA: 'Bureaucracy in practice',
  practiceNPM: 'NPM in practice',
  practiceNPG: 'NPG in practice',
  policyPracticeGap: 'Policy-practice gap',
  trustStaffManagement: 'Trust staff–management',
  trustPoliticiansAdministration: 'Trust politicians–administration',
  trustCitizens: 'Citizens’ trust',
  trustPartners: 'Partners’ trust',
  participationGini: 'Participation inequality (Gini)',
  populationParticipationGini: 'Participation inequality, whole population (Gini)',
  participationRate: 'Participation rate',
  shareEngagedCore: 'Engaged core',
  shareBusyFamilies: 'Busy families',
  shareYouth: 'Youth',
  shareElderly: 'Elderly',
  shareHardToReach: 'Hard to reach',
  workload: 'Workload',
  freeTime: 'Free time',
  burnout: 'Burnout',
  turnover: 'Staff turnover (weekly)',
  fearOfError: 'Fear of error',
  openness: 'Openness',
  competence: 'Competence',
  motivation: 'Motivation',
  signalReach: 'Reach of the top signal',
  politicalBacking: 'Political backing',
  politicalOverride: 'Political override',
  partnerBurnout: 'Partner burnout',
  transformationIndex: 'Transformation index',
  timeToTurn: 'Time to turn (weeks)',
  shareTurned: 'Share of replicates turned',
};

const INDICATOR_NB: Names = {
  initiativesActive: 'Aktive initiativer',
  initiativesStarted: 'Initiativer startet',
  initiativesSucceeded: 'Vellykkede initiativer',
  initiativesFailed: 'Mislykkede initiativer',
  initiativesBlocked: 'Stoppede initiativer',
  blockedLegal: 'Stoppet av juridisk port',
  blockedSpending: 'Stoppet av budsjettport',
  blockedPolitical: 'Stoppet av politisk port',
  initiativesInstitutionalised: 'Initiativer institusjonalisert',
  initiativesDecayed: 'Rutiner forvitret',
  routines: 'Institusjonaliserte rutiner',
  proposals: 'Forslag',
  crossSiloShare: 'Andel på tvers av siloer i initiativteam',
  crossUnitTieShare: 'Andel bånd på tvers av enheter',
  coCreationActual: 'Faktisk samskaping (andel ansatte)',
  coCreationReported: 'Rapportert samskaping (andel ansatte)',
  publicValue: 'Offentlig verdi (akkumulert)',
  documentsOA: 'Byråkrati i dokumenter',
  documentsNPM: 'NPM i dokumenter',
  documentsNPG: 'NPG i dokumenter',
  steeringOA: 'Byråkrati i styring',
  steeringNPM: 'NPM i styring',
  steeringNPG: 'NPG i styring',
  practiceOA: 'Byråkrati i praksis',
  practiceNPM: 'NPM i praksis',
  practiceNPG: 'NPG i praksis',
  policyPracticeGap: 'Gap mellom dokumenter og praksis',
  trustStaffManagement: 'Tillit ansatte–ledelse',
  trustPoliticiansAdministration: 'Tillit politikere–administrasjon',
  trustCitizens: 'Innbyggernes tillit',
  trustPartners: 'Partnernes tillit',
  participationGini: 'Ulikhet i deltakelse (Gini)',
  populationParticipationGini: 'Ulikhet i deltakelse, hele befolkningen (Gini)',
  participationRate: 'Deltakelsesrate',
  shareEngagedCore: 'Engasjert kjerne',
  shareBusyFamilies: 'Travle familier',
  shareYouth: 'Unge',
  shareElderly: 'Eldre',
  shareHardToReach: 'Vanskelig å nå',
  workload: 'Arbeidsbelastning',
  freeTime: 'Fri tid',
  burnout: 'Utbrenthet',
  turnover: 'Turnover blant ansatte (per uke)',
  fearOfError: 'Frykt for å feile',
  openness: 'Åpenhet',
  competence: 'Kompetanse',
  motivation: 'Motivasjon',
  signalReach: 'Rekkevidde for toppledelsens signal',
  politicalBacking: 'Politisk støtte',
  politicalOverride: 'Politisk overstyring',
  partnerBurnout: 'Utbrenthet hos partnere',
  transformationIndex: 'Transformasjonsindeks',
  timeToTurn: 'Tid til snuing (uker)',
  shareTurned: 'Andel replikater som snudde',
};

/** The name of an indicator (or of `timeToTurn`, `shareTurned`); an unknown name is returned as it is. */
export function indicatorName(lang: Lang, name: string): string {
  return ((lang === 'nb' ? INDICATOR_NB : INDICATOR_EN) as Record<string, string>)[name] ?? name;
}

/** The title of a lever kind, from its declaration; an unknown kind is returned as it is. */
export function leverName(lang: Lang, kind: string): string {
  const spec = leverSpec(kind);
  return (lang === 'nb' ? spec?.titleNb : spec?.title) ?? kind;
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
