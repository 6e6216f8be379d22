// Child process of the fault-injection tests: `tanker batch` / `tanker merge` exactly as the CLI runs
// them (same commands, same error handling), after installing a fault plan (JSON, first argument)
// in the file-system layer. Only the batch commands are loaded, which keeps start-up short.
// Usage: node --import tsx tests/faults/child.ts '<plan JSON or {}>' batch FILES... --out DIR
import { Command } from 'commander';
import { registerBatch } from '../../src/cli/batch-commands.js';
import { runProgram } from '../../src/cli/program.js';
import { useFileSystem } from '../../src/io/fs.js';
import { type FaultPlan, faultyFileSystem } from '../support/faulty-fs.js';

const [plan, ...args] = process.argv.slice(2);
const faults = JSON.parse(plan ?? '{}') as Partial<FaultPlan>;
if (faults.under !== undefined) useFileSystem(faultyFileSystem(faults as FaultPlan));
const program = new Command().name('tanker');
registerBatch(program);
void runProgram(program, [process.argv[0]!, 'tanker', ...args]);
