// Discovery over a calibration ensemble (the `ensemble:` field, or --ensemble): the member is one
// more dimension of the hypercube, its parameters become columns PRIM and CART restrict, so a box
// can name a parameter of the plausible worlds; a condition the ensemble also sets is an error.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnsemble } from '../../src/batch/ensemble.js';
import { loadDiscover } from '../../src/cli/search-files.js';
import { discoverPoints, runDiscover } from '../../src/discovery/run.js';
import { type DiscoverSpec, withEnsemble } from '../../src/discovery/spec.js';
import { discoverSummary } from '../../src/discovery/summary.js';
import { writeDiscover } from '../../src/report/discover-files.js';
import { formatError } from '../../src/scenario/errors.js';
import { writeTinyEnsemble } from '../support/tiny-ensemble.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tanker-discover-ensemble-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Eight plausible worlds that differ in political backing (what decides failure in the tiny
// discover file) and in a parameter that does not matter by week 10; member 7 weighs double.
const MEMBERS = Array.from({ length: 8 }, (_, i) => ({ 'organisation.politicalBacking': 0.1 + 0.1 * i, 'trust.drift': 0.05 * i }));
const ORDER = [0, 1, 2, 3, 4, 5, 6, 7, 7];
writeTinyEnsemble(root, 'worlds.json', MEMBERS, ORDER);

/** The tiny discover file without its political backing condition, over the ensemble (or with `extra`). */
function discoverFile(name: string, keepBacking = false, extra = 'ensemble: worlds.json'): string {
  let text = readFileSync(`${FIXTURES}tiny-discover.yaml`, 'utf8')
    .replace('scenario: tiny-base.yaml', `scenario: ${FIXTURES}tiny-base.yaml`)
    .replace('samples: 24', 'samples: 36');
  if (!keepBacking) text = text.replace(/\n {2}organisation\.politicalBacking: .*/, '');
  const file = join(root, name);
  writeFileSync(file, `${extra}\n${text}`);
  return file;
}

function load(file: string): DiscoverSpec {
  const r = loadDiscover(file);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

describe('discover over an ensemble', () => {
  it('refuses a condition the ensemble sets, in the file and with --ensemble, and names a missing ensemble', () => {
    const r = loadDiscover(discoverFile('both.yaml', true));
    expect(r.ok ? [] : r.errors.map((e) => formatError(e, root))).toEqual([
      `both.yaml:11:3  conditions["organisation.politicalBacking"]: found "organisation.politicalBacking"; allowed: a condition the ensemble does not set; the ensemble's members set it (each sampled point takes its value from its member); remove the condition`,
    ]);
    const plain = load(discoverFile('plain.yaml', true, ''));
    expect(() => withEnsemble(plain, readEnsemble(join(root, 'worlds.json')))).toThrow(
      /plain\.yaml: conditions: found "organisation\.politicalBacking", which --ensemble .*worlds\.json also sets; allowed: the ensemble's members set it .*; remove them$/,
    );
    const missing = loadDiscover(discoverFile('missing.yaml', false, 'ensemble: gone.json'));
    expect(missing.ok ? [] : missing.errors.map((e) => formatError(e, root))).toEqual([
      expect.stringMatching(/^missing\.yaml:1:11 {2}ensemble: found "gone\.json"; allowed: an ensemble file .*no such file$/),
    ]);
  });

  it('samples the members in proportion to their weights and runs each point with its member', () => {
    const spec = load(discoverFile('worlds.yaml'));
    const points = discoverPoints(spec);
    const count = new Map<number, number>();
    for (const p of points) count.set(p.member!, (count.get(p.member!) ?? 0) + 1);
    // 36 points over 9 strata of the order: four per stratum, so member 7 eight times.
    expect(Object.fromEntries([...count].sort((a, b) => a[0] - b[0]))).toEqual({ 0: 4, 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 8 });
    for (const p of points) {
      const m = MEMBERS[p.member!]!;
      expect(p.config.org.politicalBacking).toBe(m['organisation.politicalBacking']);
      expect(p.config.params.trust.drift).toBe(m['trust.drift']);
      expect(p.values['organisation.politicalBacking']).toBe(m['organisation.politicalBacking']);
      expect(p.config.mechanisms.pace).toBe(p.values['mechanisms.pace']);
    }
    // The conditions' own columns are drawn as without an ensemble.
    const without = discoverPoints({ ...spec, ensemble: null });
    expect(points.map((p) => p.values['organisation.siloStrength'])).toEqual(without.map((p) => p.values['organisation.siloStrength']));
  });

  it("boxes the member's parameter that decides failure, deterministically, and records the ensemble", async () => {
    const spec = load(discoverFile('worlds.yaml'));
    const a = await runDiscover(spec, { threads: 1 });
    const b = await runDiscover(spec, { threads: 2 });
    expect(b.failures).toEqual(a.failures);
    expect(a.data.columns.map((c) => c.name)).toEqual([
      'organisation.siloStrength',
      'organisation.layers',
      'mechanisms.pace',
      'organisation.politicalBacking',
      'trust.drift',
    ]);
    const p = a.prim!;
    expect(p.box.restricted.map((j) => a.data.columns[j]!.name)).toEqual(['organisation.politicalBacking']);
    expect(p.box.stats.coverage).toBeGreaterThan(0.9);
    expect(p.box.stats.density).toBeGreaterThan(0.9);
    const s = discoverSummary(a);
    expect(s.primBox).toMatch(/^fails mostly when organisation\.politicalBacking ≤ 0\.\d+: \d+ % of failures, density \d+ %$/);
    const out = join(root, 'out');
    mkdirSync(out);
    await writeDiscover(spec, a, s, out, { threads: 1, seconds: 0 });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.ensemble).toMatchObject({ hash: spec.ensemble!.hash, members: 8, name: 'worlds' });
    const [head, first] = readFileSync(join(out, 'samples.csv'), 'utf8').split('\n');
    expect(head).toBe(
      'point,member,organisation.siloStrength,organisation.layers,mechanisms.pace,organisation.politicalBacking,trust.drift,failed,replicates,failedShare',
    );
    expect(first!.split(',')[1]).toBe(String(a.points[0]!.member));
    expect(readFileSync(join(out, 'findings.txt'), 'utf8')).toContain('plausible world of ensemble worlds (8 members');
  }, 120_000);
});
