// Calling Tanker from TypeScript: a scenario step by step, then a small batch compared with the
// baseline. README.md shows this file; tests/package/pack.test.ts type-checks and runs it against
// the packed package, so it stays true.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBatch, createSimulation, formatErrors, loadScenario, type ResolvedScenario, runBatch, SCENARIO_LIBRARY } from 'tanker';

function load(file: string): ResolvedScenario {
  const r = loadScenario(join(SCENARIO_LIBRARY, file));
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.scenario;
}

// One replicate of the tugboats scenario, a year at a time.
const sim = createSimulation(load('teaching/tugboats.yaml'), { replicate: 0 });
while (sim.tick < sim.ticks) {
  sim.step(52);
  const now = sim.observe();
  console.log(`week ${sim.tick}: index ${now.transformationIndex.toFixed(3)}, NPG in practice ${(100 * now.practiceNPG).toFixed(1)} %`);
}

// Who the tugboats are at the end: the staff table has one column per attribute.
const staff = sim.agents('staff');
const tugboat = staff.tugboat as Int32Array;
const openness = staff.openness as Float64Array;
const mean = (keep: (i: number) => boolean) => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < openness.length; i++) {
    if (!keep(i)) continue;
    sum += openness[i]!;
    n++;
  }
  return sum / n;
};
console.log(`openness: tugboats ${mean((i) => tugboat[i] === 1).toFixed(3)}, others ${mean((i) => tugboat[i] === 0).toFixed(3)}`);

// Ten replicates each of the baseline and the single top push, on worker threads, compared.
const out = mkdtempSync(join(tmpdir(), 'tanker-example-'));
await runBatch([load('baseline.yaml'), load('teaching/single-top-push.yaml')], { out, replicates: 10 });
for (const row of compareBatch(out, 'baseline')) {
  if (row.indicator !== 'transformationIndex') continue;
  console.log(
    `${row.scenario} − ${row.baseline}: ${row.diff.toFixed(3)} [${row.ciLow.toFixed(3)}, ${row.ciHigh.toFixed(3)}], p = ${row.p.toPrecision(2)} (${row.test})`,
  );
}
console.log(`batch results in ${out}`);
