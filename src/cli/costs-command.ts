/** `tanker costs`: the levers' declared costs (staff time, money, set-up), as a table or as docs/lever-costs.md. */
import type { Command } from 'commander';

export function registerCosts(program: Command): void {
  program
    .command('costs')
    .description(
      "Print the levers' declared costs (staff hours and NOK per week at intensity 1, set-up) with their basis; or write them as Markdown.",
    )
    .option('--markdown <file>', 'write the table as Markdown instead (docs/lever-costs.md)')
    .action(async (o: { markdown?: string }) => {
      const [{ costsMarkdown }, { writeFileAtomic }] = await Promise.all([import('../scenario/effort.js'), import('../io/atomic.js')]);
      const text = costsMarkdown();
      if (o.markdown) {
        writeFileAtomic(o.markdown, text);
        console.log(`wrote ${o.markdown}`);
      } else process.stdout.write(text);
    });
}
