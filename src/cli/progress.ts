/**
 * Batch progress: a bar on a terminal (replicates done, rate, time left), plain lines otherwise
 * (at most every 5 % or 10 s), always on stderr so stdout stays clean for data.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, skipped: number): void;
  update(done: number, failed: number): void;
  stop(): void;
}

/** `unit` names what is counted (searches and discoveries count model runs). */
export function makeProgress(label: string, quiet: boolean, unit = 'replicates'): Progress {
  if (quiet) return { start() {}, update() {}, stop() {} };
  return process.stderr.isTTY ? barProgress(label, unit) : lineProgress(label, unit);
}

function barProgress(label: string, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} ${unit} | {rate}/s | {failed} failed | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now(); // clock-ok: progress display
  return {
    start(total, skipped) {
      if (skipped > 0) process.stderr.write(`${label}: ${skipped} ${unit} already done, resuming\n`);
      bar.start(total - skipped, 0, { rate: '0.0', failed: 0 });
    },
    update(done, failed) {
      const s = (performance.now() - t0) / 1000; // clock-ok
      bar.update(done, { rate: (done / Math.max(s, 1e-3)).toFixed(1), failed });
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(label: string, unit: string): Progress {
  let total = 0;
  let lastShown = -1;
  let lastTime = 0;
  const t0 = performance.now(); // clock-ok: progress display
  return {
    start(all, skipped) {
      total = all - skipped;
      process.stderr.write(`${label}: ${total} ${unit} to run${skipped > 0 ? ` (${skipped} already done, resuming)` : ''}\n`);
    },
    update(done, failed) {
      const now = performance.now(); // clock-ok
      const pct = Math.floor((100 * done) / Math.max(1, total));
      if (done < total && pct < lastShown + 5 && now - lastTime < 10_000) return;
      lastShown = pct;
      lastTime = now;
      const s = (now - t0) / 1000;
      const rate = done / Math.max(s, 1e-3);
      const left = rate > 0 ? (total - done) / rate : Number.NaN;
      process.stderr.write(
        `${label}: ${done}/${total} ${unit} (${pct} %), ${rate.toFixed(1)}/s, ~${Number.isFinite(left) ? left.toFixed(0) : '?'} s left${failed ? `, ${failed} failed` : ''}\n`,
      );
    },
    stop() {},
  };
}
