/**
 * How a lever (an intervention kind of MODEL.md §4) is declared: once, as one object with its
 * kind, titles, what it changes, its source, scope, options, the parameters of its magnitudes at
 * intensity 1, and its effect. Most effects are modifiers (modifiers.ts): applied when the lever
 * starts and removed, exactly, when it ends. Effects on agents (a manager's style, a staff
 * member's competence) are weekly or at the start and are not undone.
 */
import type { Rng } from '../../engine/rng.js';
import type { IndexedQuantity, MixQuantity, ModifierSpec, OrgQuantity } from '../modifiers.js';
import type { GroupValues, ParamGroup } from '../params/define.js';
import type { InterventionItem, World } from '../state.js';

export type { InterventionItem };

export type OptionSpec =
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly default: number; readonly doc: string }
  | { readonly type: 'integer'; readonly min: number; readonly max: number; readonly default: number; readonly doc: string }
  | { readonly type: 'boolean'; readonly default: boolean; readonly doc: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string; readonly doc: string };

/** What a lever's effect code gets: the magnitudes of all levers, and the levers' random stream. */
export interface LeverContext<P extends ParamGroup> {
  readonly p: Readonly<GroupValues<P>>;
  readonly rng: Rng;
}

/** An indicator and the direction a lever claims to move it (its final-year mean, or final value if cumulative). */
export type Claim = readonly [indicator: string, direction: 'up' | 'down'];

/**
 * What a lever claims, checked over paired replicates on the default preset (tests/model/levers-claims
 * test, `tanker levers`): its primary channel moves in the stated direction, and at least one of
 * the outcomes moves in its stated direction.
 */
export interface LeverClaims {
  readonly channel: Claim;
  /** Empty only for a lever whose point is that outcomes do not move (say why in `note`). */
  readonly outcomes: readonly Claim[];
  /**
   * Where the lever's constraint binds, when that is not the default status quo: the lever is
   * compared with and without itself on top of these levers and organisation settings (e.g.
   * political levers where missions need council decisions and backing is low).
   */
  readonly context?: {
    readonly levers?: readonly string[];
    readonly org?: { readonly politicalBacking?: number; readonly siloStrength?: number };
    readonly why: string;
  };
  /**
   * Its claimed outcomes are small against the run-to-run noise, so the check runs with this many
   * times the replicates to have the power to see them (as fact 10 does). Default 1.
   */
  readonly replicateFactor?: number;
  readonly note?: string;
}

/**
 * What a lever costs the municipality at intensity 1 (issue 16): staff time and money every week
 * it runs, and a one-off set-up cost when it starts. Declared for the organisation as a whole (a
 * unit lever on some units only costs the targeted units' share of staff); weekly costs scale with
 * intensity, the set-up does not. Order-of-magnitude figures for comparing packages, not budgets;
 * a scenario can override them (`costs`). The effort of a run is computed outside the model
 * (scenario/effort.ts), from the interventions alone.
 */
export interface LeverEffort {
  /** Staff hours per week while it runs, at intensity 1. */
  readonly staffHoursPerWeek: number;
  /** Money (NOK) per week while it runs, at intensity 1 (external services, licences, events). */
  readonly moneyPerWeek: number;
  /** One-off money (NOK) at its start (process support, consultants, systems). */
  readonly setupCost: number;
  /** The assumption or source behind the figures. */
  readonly basis: string;
}

export interface LeverSpec<P extends ParamGroup = ParamGroup, M = unknown> {
  readonly kind: string;
  readonly title: string;
  /** Norwegian title (reports and the explorer in nb). */
  readonly titleNb: string;
  /** What state or parameters it changes, in one line (also in docs/model.md). */
  readonly changes: string;
  readonly source: string;
  /** `unit` levers accept `units: [...]` to act on some units only; `org` levers act on the whole organisation. */
  readonly scope: 'org' | 'unit';
  /** Does `end` undo the lever (true), or is its effect structural and kept (false)? */
  readonly reversible: boolean;
  readonly claims: LeverClaims;
  /** What it costs to run (staff time, money, set-up). */
  readonly effort: LeverEffort;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Its magnitudes at intensity 1: registered in the `levers` parameter group (names unique across levers). */
  readonly params: P;
  /** Modifiers applied at the start and removed at the end (reversible levers). */
  modifiers?(w: World, it: InterventionItem, ctx: LeverContext<P>): readonly ModifierSpec[];
  /** Other effects at the start; what it returns is kept for `end`. */
  begin?(w: World, it: InterventionItem, ctx: LeverContext<P>): M;
  /** Every week while active. */
  weekly?(w: World, it: InterventionItem, ctx: LeverContext<P>): void;
  /** At the end tick, with what `begin` returned. */
  end?(w: World, it: InterventionItem, ctx: LeverContext<P>, memo: M): void;
}

/** Declare a lever (identity; lets TypeScript infer the parameter and memo types). */
export function lever<const P extends ParamGroup, M = undefined>(spec: LeverSpec<P, M>): LeverSpec<P, M> {
  return spec;
}

/** Magnitudes declared by another lever of the same module (all lever magnitudes form the `levers` group). */
export function leverParams<P extends ParamGroup>(w: World, _declaredIn: P): Readonly<GroupValues<P>> {
  return w.p.levers as GroupValues<P>;
}

/** The units an intervention targets: its list, or all units. */
export function targetUnits(w: World, it: InterventionItem): readonly number[] {
  return it.units ?? Array.from({ length: w.units.n }, (_, u) => u);
}

export function inTargets(it: InterventionItem, unit: number): boolean {
  return it.units === null || it.units.includes(unit);
}

/** Modifier helpers: add to or set an organisation field, move a logic mix, change an indexed quantity. */
export const add = (org: OrgQuantity, value: number): ModifierSpec => ({ target: { org }, op: 'add', value });
export const set = (org: OrgQuantity, value: number): ModifierSpec => ({ target: { org }, op: 'set', value });
export const toward = (mix: MixQuantity, vertex: number, share: number): ModifierSpec => ({ mix, vertex, share });
export const indexed = (q: IndexedQuantity, index: number, op: 'add' | 'mul', value: number): ModifierSpec => ({
  target: { indexed: q, index },
  op,
  value,
});
