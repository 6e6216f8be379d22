// The tick loop: every tick runs the same phases in a fixed order, which (with per-purpose RNG
// streams) is what makes a run reproducible.

export interface Phase<C> {
  readonly name: string;
  run(ctx: C, tick: number): void;
}

/** For each tick t in [from, to), run every phase in order. */
export function runTicks<C>(ctx: C, phases: readonly Phase<C>[], from: number, to: number): void {
  const k = phases.length;
  for (let t = from; t < to; t++) {
    for (let i = 0; i < k; i++) phases[i]!.run(ctx, t);
  }
}
