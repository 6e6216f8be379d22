/**
 * The committed notebooks (notebooks/*.ipynb), read as stored: they are executed headlessly by
 * notebooks/run-all.sh (CI: .ci/notebooks.sh), not here. Checks that
 * - a key figure printed in a notebook equals what the command line gives now for the same scenario,
 *   seed and replicate (so stale outputs are caught after a model change);
 * - every notebook was run top to bottom with the Deno kernel and stored its outputs: no errors, no
 *   stderr, charts as PNG (SVG is blank in untrusted notebooks), no timings or machine paths that
 *   would churn between runs and clones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveRunSpec } from '../../src/cli/resolve.js';
import { runReplicate } from '../../src/model/simulate.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIR = join(ROOT, 'notebooks');
const EXPECTED = [
  'compare-interventions.ipynb',
  'finding-a-robust-package.ipynb',
  'sensitivity-and-sweeps.ipynb',
  'turning-the-tanker.ipynb',
];

type Text = string | string[];
interface Output {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: string;
  text?: Text;
  data?: Record<string, Text>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: Text;
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
}
interface Notebook {
  metadata: { kernelspec?: { name?: string; language?: string } };
  nbformat: number;
  cells: Cell[];
}

const join_ = (t: Text | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));
const read = (file: string): Notebook => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Notebook;
const codeCells = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code');
/** All text a cell's outputs show (stream text and text/plain or text/markdown of displays). */
const outputText = (c: Cell): string =>
  (c.outputs ?? [])
    .map((o) => (o.output_type === 'stream' ? join_(o.text) : join_(o.data?.['text/plain'] ?? o.data?.['text/markdown'])))
    .join('\n');

/** Width and height of a base64 PNG, from its IHDR chunk; null if it is not a PNG. */
function pngSize(b64: Text): { width: number; height: number } | null {
  const buf = Buffer.from(join_(b64).replace(/\s+/g, ''), 'base64');
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || signature.some((b, i) => buf[i] !== b) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('notebooks: key figures match the command line', () => {
  const nb = read('turning-the-tanker.ipynb');
  const text = codeCells(nb).map(outputText).join('\n');
  const marks = [...text.matchAll(/^KEY-FIGURE file=(\S+) seed=(\S+) replicate=(\d+) transformationIndex=(-?\d+\.\d{6})$/gm)];

  it('turning-the-tanker prints its key figures', () => {
    expect(marks.map((m) => m[1])).toEqual(['scenarios/baseline.yaml', 'scenarios/teaching/single-top-push.yaml']);
  });

  it.each(marks.map((m) => [m[1]!, m[2]!, Number(m[3]), m[4]!] as const))(
    '%s seed %s replicate %i: the stored transformation index equals tanker run now',
    (file, seed, replicate, stored) => {
      // The path `tanker run FILE --seed S --replicate N` takes: resolve the run, then simulate it.
      const spec = resolveRunSpec(join(ROOT, file), { preset: 'medium', seed, replicate, elections: true });
      const r = runReplicate(spec.config, spec.seed, spec.replicate, { interventions: spec.interventions, elections: spec.elections });
      const W = r.indicators.length;
      const now = r.data[(r.ticks - 1) * W + r.indicators.indexOf('transformationIndex')]!;
      expect(now.toFixed(6), 'the notebook output is stale: run `bash notebooks/run-all.sh` and commit the notebooks').toBe(stored);
    },
  );
});

describe('notebooks: stored outputs', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();

  it('has the four notebooks', () => {
    expect(files).toEqual(expect.arrayContaining(EXPECTED));
  });

  describe.each(files)('%s', (file) => {
    const nb = read(file);
    const code = codeCells(nb);
    const outputs = code.flatMap((c) => c.outputs ?? []);

    it('uses the Deno kernel', () => {
      expect(nb.nbformat).toBe(4);
      expect(nb.metadata.kernelspec?.name).toBe('deno');
      expect(nb.metadata.kernelspec?.language).toBe('typescript');
    });

    it('was run top to bottom and stored an output for every code cell', () => {
      expect(code.length).toBeGreaterThan(3);
      expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
      for (const [i, c] of code.entries()) expect(c.outputs?.length ?? 0, `code cell ${i + 1} has no output`).toBeGreaterThan(0);
    });

    it('prints with say(), not console.log (whose output the Deno kernel can send after the cell ends)', () => {
      expect(code.filter((c) => /console\.log\(/.test(join_(c.source))).map((c) => join_(c.source).split('\n')[0])).toEqual([]);
    });

    it('has no errors and nothing on stderr', () => {
      const bad = outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'));
      expect(bad.map((o) => `${o.ename ?? o.name}: ${o.evalue ?? join_(o.text)}`)).toEqual([]);
    });

    it('shows its charts as PNG images, one per show() at least, and no SVG', () => {
      let pngs = 0;
      for (const c of code) {
        const images = (c.outputs ?? []).filter((o) => o.data?.['image/png'] !== undefined);
        expect(images.length, join_(c.source).split('\n')[0]).toBeGreaterThanOrEqual(join_(c.source).match(/^await show\(/gm)?.length ?? 0);
        for (const o of images) {
          const size = pngSize(o.data!['image/png']!);
          expect(size).not.toBeNull();
          expect(size!.width).toBeGreaterThan(300);
          expect(size!.height).toBeGreaterThan(150);
        }
        pngs += images.length;
      }
      expect(pngs).toBeGreaterThanOrEqual(3);
      expect(outputs.filter((o) => o.data?.['image/svg+xml'] !== undefined)).toEqual([]);
    });

    it('mixes explanation and code', () => {
      const markdown = nb.cells.filter((c) => c.cell_type === 'markdown');
      expect(markdown.length).toBeGreaterThanOrEqual(5);
      expect(markdown.map((c) => join_(c.source)).join('\n').length).toBeGreaterThan(3000);
    });

    it('stores nothing that churns between runs or clones: no timings, no machine paths', () => {
      for (const c of nb.cells) expect(c.metadata).not.toHaveProperty('execution');
      const all = code.map(outputText).join('\n');
      expect(all).not.toContain(ROOT);
      expect(all).not.toMatch(/\b\d+(\.\d+)? ?ms\b/);
    });
  });

  it('turning-the-tanker explains every section in Norwegian and in English', () => {
    const nb = read('turning-the-tanker.ipynb');
    const both = nb.cells
      .filter((c) => c.cell_type === 'markdown')
      .map((c) => join_(c.source))
      .filter((s) => s.includes('**Norsk.**') && s.includes('**English.**'));
    expect(both.length).toBeGreaterThanOrEqual(7);
    const all = nb.cells.map((c) => join_(c.source)).join('\n');
    for (const f of ['baseline', 'single-top-push', 'layers-2', 'layers-5', 'tugboats', 'paper-strategy', 'practice-change'])
      expect(all).toContain(`${f}.yaml`);
  });
});
