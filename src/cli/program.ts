/** Running a commander program as the `tanker` command: errors become `tanker: message` and exit code 1. */
import type { Command } from 'commander';

export function runProgram(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return program.parseAsync(argv as string[]).then(
    () => undefined,
    (e: unknown) => {
      console.error(`tanker: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
