import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDiscover } from '../../src/cli/search-files.js';
import { runDiscover } from '../../src/discovery/run.js';
import type { DiscoverSpec } from '../../src/discovery/spec.js';
import { discoverSummary } from '../../src/discovery/summary.js';
import { writeDiscover } from '../../src/report/discover-files.js';
import { formatError } from '../../src/scenario/errors.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tanker-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tiny(): DiscoverSpec {
  const r = loadDiscover(`${FIXTURES}tiny-discover.yaml`);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

describe('tanker discover', () => {
  it('reports every problem of a discover file with line, path, value and what is allowed', () => {
    const r = loadDiscover(`${FIXTURES}bad-discover.yaml`);
    if (r.ok) throw new Error('expected errors');
    const errs = r.errors.map((e) => formatError(e, FIXTURES));
    expect(errs[0]).toBe('bad-discover.yaml:2:10  samples: found 2; allowed: an integer from 4 to 100000');
    expect(errs[1]).toBe("bad-discover.yaml:3:9  turnBy: found 100; allowed: a week from 1 to the scenario's horizon, 40");
    expect(errs[2]).toMatch(
      /^bad-discover\.yaml:5:3 {2}conditions\["organisation\.politicalBackng"\]: .*did you mean "organisation\.politicalBacking"\?$/,
    );
    expect(errs.slice(3, 6)).toEqual([
      'bad-discover.yaml:6:30  conditions["organisation.siloStrength"]: found a list [0.9,0.3]; allowed: two numbers [low, high] from 0 to 1 with low < high',
      'bad-discover.yaml:7:24  conditions["organisation.layers"]: found a list [1,5]; allowed: two numbers [low, high] from 2 to 5 with low < high',
      'bad-discover.yaml:8:35  conditions["mechanisms.pace"][1]: found "fast"; allowed: at least two of "slow-is-fast" or "led-to-ground"',
    ]);
    expect(errs[6]).toMatch(/conditions\["mechanisms\.speed"\]: .*did you mean "mechanisms\.pace"\?$/);
  });

  it('samples a Latin hypercube: every layer count and mechanism alternative equally often', async () => {
    const spec = tiny();
    const { discoverPoints } = await import('../../src/discovery/run.js');
    const points = discoverPoints(spec);
    const count = (name: string) => {
      const m = new Map<string | number, number>();
      for (const p of points) m.set(p.values[name]!, (m.get(p.values[name]!) ?? 0) + 1);
      return Object.fromEntries([...m].sort());
    };
    expect(count('organisation.layers')).toEqual({ 2: 6, 3: 6, 4: 6, 5: 6 });
    expect(count('mechanisms.pace')).toEqual({ 'led-to-ground': 12, 'slow-is-fast': 12 });
    for (const p of points) {
      expect(p.config.org.units.every((u) => u.layers === p.values['organisation.layers'])).toBe(true);
      expect(p.config.mechanisms.pace).toBe(p.values['mechanisms.pace']);
      expect(p.config.org.politicalBacking).toBe(p.values['organisation.politicalBacking']);
    }
  });

  it('finds the condition that decides failure (political backing below the threshold), by PRIM and CART, deterministically', async () => {
    const spec = tiny();
    const a = await runDiscover(spec, { threads: 1 });
    const b = await runDiscover(spec, { threads: 1 });
    expect(b.failures).toEqual(a.failures);
    const failures = a.failures.reduce((x, y) => x + y, 0);
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(21);
    const p = a.prim!;
    const names = p.box.restricted.map((j) => a.data.columns[j]!.name);
    expect(names).toEqual(['organisation.politicalBacking']);
    const limit = p.box.box.limits[0]!;
    expect(limit.kind === 'numeric' && Math.abs(limit.hi - 0.45) < 0.1).toBe(true);
    expect(p.box.stats.coverage).toBeGreaterThan(0.9);
    expect(p.box.stats.density).toBeGreaterThan(0.9);
    const s = discoverSummary(a);
    expect(s.primBox).toMatch(/^fails mostly when organisation\.politicalBacking ≤ 0\.\d+: \d+ % of failures, density \d+ %$/);
    expect(s.trajectory.filter((t) => t.chosen).length).toBe(1);
    expect(s.cartLeaves[0]).toMatch(/organisation\.politicalBacking ≤/);
    const out = join(root, 'tiny');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    const files = await writeDiscover(spec, a, s, out, { threads: 1, seconds: 0 });
    expect(files).toEqual(
      expect.arrayContaining(['samples.csv', 'prim-trajectory.csv', 'findings.txt', 'prim-trajectory.svg', 'manifest.json']),
    );
    expect(readFileSync(join(out, 'findings.txt'), 'utf8')).toContain(s.primBox!);
    expect(readFileSync(join(out, 'samples.csv'), 'utf8').trim().split('\n').length).toBe(25);
  }, 120_000);
});
