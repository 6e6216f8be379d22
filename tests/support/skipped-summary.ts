/**
 * A vitest reporter that ends the run with what was skipped and why (issue 15: the skipped browser
 * tests were announced in one line among thousands). It adds nothing else to the output and runs
 * beside the default reporter (vitest.config.ts; .ci/run names it too).
 *
 * The reason of a skip is the test's own note (`ctx.skip(note)`), else the "SKIPPED …" line its
 * file printed (the files that skip a whole block with `describe.skipIf` say why when they load).
 */
import type { Reporter, TestModule } from 'vitest/node';

interface Group {
  count: number;
  /** The describe blocks (or tests) skipped, for the reader to recognise them. */
  readonly blocks: Set<string>;
  readonly notes: Set<string>;
}

export default class SkippedSummary implements Reporter {
  private readonly said: string[] = [];

  onUserConsoleLog(log: { content: string }): void {
    for (const line of log.content.split('\n'))
      if (/\bSKIPPED\b/.test(line) && !this.said.includes(line.trim())) this.said.push(line.trim());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const groups = new Map<string, Group>();
    let total = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        total++;
        const r = t.result();
        if (r.state !== 'skipped' || t.options.mode === 'todo') continue;
        const g = groups.get(m.relativeModuleId) ?? { count: 0, blocks: new Set<string>(), notes: new Set<string>() };
        g.count++;
        g.blocks.add(t.parent.type === 'suite' ? t.parent.name : t.name);
        if (r.note) g.notes.add(r.note);
        groups.set(m.relativeModuleId, g);
      }
    }
    const skipped = [...groups.values()].reduce((s, g) => s + g.count, 0);
    const out: string[] = ['', `Skipped: ${skipped} of ${total} tests${skipped === 0 ? '' : ' (why, per file:)'}`];
    for (const [file, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const said = this.said.filter((s) => s.includes(file) || [...g.blocks].some((b) => s.includes(b)));
      const why = [...g.notes, ...said].join('; ') || 'no reason given';
      out.push(`  ${String(g.count).padStart(4)}  ${file} (${[...g.blocks].join(', ')}): ${why}`);
    }
    // Reasons printed by files whose skipped tests were not matched above.
    const shown = out.join('\n');
    for (const s of this.said) if (!shown.includes(s)) out.push(`        ${s}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
