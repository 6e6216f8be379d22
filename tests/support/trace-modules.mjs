// `node --import ./tests/support/trace-modules.mjs …` appends the URL of every module the process
// loads (project files and packages alike) to the file named by TANKER_TRACE_MODULES.
import { register } from 'node:module';

register('./trace-modules-hooks.mjs', import.meta.url, { data: { file: process.env.TANKER_TRACE_MODULES } });
