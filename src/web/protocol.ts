/** Messages between the page and its Web Worker, and the shape of the bundled scenario library. */
import type { BaseRef, SlotConfig } from './config.js';

/** One scenario file of the library, flattened at build time (its `extends` chain merged in). */
export interface LibraryEntry {
  /** Path under scenarios/, e.g. `teaching/tugboats.yaml`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The file as written (shown and offered for download). */
  readonly text: string;
  /** The merged scenario data, free of `extends`. */
  readonly data: Record<string, unknown>;
}

/** What the page needs to know about a base scenario to set up its controls. */
export interface BaseSummary {
  readonly name: string;
  readonly description: string;
  readonly seed: string;
  readonly startDate: string;
  readonly horizon: number;
  readonly size: string;
  readonly siloStrength: number;
  readonly matrixDegree: number;
  readonly layersMin: number;
  readonly layersMax: number;
  /** The names of its units, in order (the package builder places unit levers on them). */
  readonly units: readonly string[];
  readonly elections: boolean;
  /** The scenario's own interventions (kinds). */
  readonly interventions: readonly string[];
  readonly hasSweep: boolean;
  /** Transformation index at which the tanker counts as turned (parameter index.turnThreshold). */
  readonly turnThreshold: number;
}

export type Slot = 'A' | 'B';

export type Request =
  | { readonly type: 'inspect'; readonly id: number; readonly base: BaseRef }
  | {
      readonly type: 'run';
      readonly id: number;
      readonly slot: Slot;
      readonly base: BaseRef;
      readonly cfg: SlotConfig;
      readonly replicates: number;
    }
  | { readonly type: 'export'; readonly id: number; readonly base: BaseRef; readonly cfg: SlotConfig; readonly note: string };

export type Response =
  | { readonly type: 'inspected'; readonly id: number; readonly summary: BaseSummary }
  | { readonly type: 'failed'; readonly id: number; readonly errors: readonly string[] }
  | {
      readonly type: 'replicate';
      readonly id: number;
      readonly slot: Slot;
      readonly rep: number;
      readonly ticks: number;
      readonly startDate: string;
      readonly indicators: readonly string[];
      /** Row-major ticks x indicators (transferred). */
      readonly data: Float64Array;
      readonly turnTick: number | null;
      /** Wall time of runReplicate in the worker, for display (not model time). */
      readonly ms: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly slot: Slot; readonly replicates: number; readonly ms: number }
  | { readonly type: 'exported'; readonly id: number; readonly yaml: string; readonly fileName: string };
