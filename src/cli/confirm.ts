/** Runs far above normal (days of computing, more memory or disk than there is) start only with --yes. */
import { totalmem } from 'node:os';
import { describeCost, type Estimate, freeSpace, warnings } from '../batch/preflight.js';

/**
 * Throw, before anything is written, if the estimate is far above normal and `yes` is not given;
 * with --yes, say what to expect and go on.
 */
export function confirmCost(e: Estimate, opts: { threads: number; out: string; yes: boolean; what: string }): void {
  const reasons = warnings(e, { threads: opts.threads, memory: totalmem(), free: freeSpace(opts.out) });
  if (reasons.length === 0) return;
  const head = `this ${opts.what} is far above normal: ${reasons.join('; ')} (${describeCost(e)})`;
  if (!opts.yes)
    throw new Error(
      `${head}. Nothing was started. Check the sizes (tanker validate shows them), or pass --yes to start it anyway: it can be stopped with Ctrl-C and continued with --resume.`,
    );
  process.stderr.write(`tanker: note: ${head}; starting it because of --yes\n`);
}
