/**
 * Size presets: a small (about 10k inhabitants), medium (about 60k, the default; Nordre Follo has
 * about 63k, 002 §3.1.2) and large (about 200k) municipality in a hybrid status quo: NPG in the
 * documents, NPM in steering, bureaucratic practice, several layers, strong silos (002 §4.3).
 * Every number is an illustrative default, not a calibration.
 */
import type { ModelConfig, OrgConfig, SizePreset, UnitConfig } from './config.js';
import { defaultChoices, defaultParams } from './registry.js';

export const SIZE_PRESETS = ['small', 'medium', 'large'] as const;

/** Typical Norwegian sector split (illustrative): health and care is the largest unit. */
function units(layers: number): UnitConfig[] {
  return [
    { name: 'health-care', kind: 'service', staffShare: 0.4, layers, legalStrictness: 0.6, load: 0.73 },
    { name: 'schools', kind: 'service', staffShare: 0.24, layers, legalStrictness: 0.5, load: 0.71 },
    {
      name: 'kindergartens',
      kind: 'service',
      staffShare: 0.12,
      layers: Math.max(2, layers - 1),
      legalStrictness: 0.4,
      load: 0.71,
    },
    { name: 'welfare', kind: 'service', staffShare: 0.06, layers, legalStrictness: 0.7, load: 0.73 },
    {
      name: 'culture',
      kind: 'community-development',
      staffShare: 0.04,
      layers: Math.max(2, layers - 1),
      legalStrictness: 0.2,
      load: 0.66,
    },
    {
      name: 'technical-planning',
      kind: 'authority',
      staffShare: 0.08,
      layers,
      legalStrictness: 0.85,
      load: 0.71,
    },
    {
      name: 'staff-functions',
      kind: 'service',
      staffShare: 0.06,
      layers: Math.max(2, layers - 1),
      legalStrictness: 0.4,
      load: 0.69,
    },
  ];
}

const BASE_ORG: Omit<OrgConfig, 'population' | 'citizenSample' | 'politicians' | 'partners' | 'units'> = {
  staffPerThousand: 70,
  blocs: 3,
  siloStrength: 0.8,
  matrixDegree: 0.02,
  projectBudgetShare: 0.02,
  reportingLoad: 0.5,
  centralisation: 0.6,
  interface: 'hourglass',
  logic: { documents: [0.2, 0.2, 0.6], steering: [0.3, 0.55, 0.15], practice: [0.5, 0.3, 0.2] },
  topSignal: 0.15,
  enthusiastShare: 0.05,
  budgetPressure: 0.3,
  demandGrowth: 0.015,
  politicalBacking: 0.4,
  backingBreadth: 0.5,
};

export function presetOrg(size: SizePreset): OrgConfig {
  switch (size) {
    case 'small':
      return {
        ...BASE_ORG,
        population: 10_000,
        citizenSample: 1_000,
        politicians: 25,
        partners: 15,
        units: units(3),
      };
    case 'medium':
      return {
        ...BASE_ORG,
        population: 60_000,
        citizenSample: 2_500,
        politicians: 45,
        partners: 40,
        units: units(4),
      };
    case 'large':
      return {
        ...BASE_ORG,
        population: 200_000,
        citizenSample: 5_000,
        politicians: 59,
        partners: 100,
        units: units(5),
      };
  }
}

export function presetConfig(size: SizePreset = 'medium'): ModelConfig {
  return {
    preset: size,
    startDate: '2026-01-05',
    ticks: 260,
    org: presetOrg(size),
    params: defaultParams(),
    mechanisms: defaultChoices(),
  };
}
