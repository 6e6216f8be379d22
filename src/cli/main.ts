#!/usr/bin/env node
/** The `tanker` command line. */
import { Command } from 'commander';
import { toolVersion } from '../io/provenance.js';
import { registerBatch } from './batch-commands.js';
import { registerCalibrate } from './calibrate-command.js';
import { registerCluster } from './cluster-command.js';
import { registerCosts } from './costs-command.js';
import { registerDemo } from './demo-command.js';
import { registerDiscover } from './discover-command.js';
import { registerDock } from './dock-command.js';
import { registerDrift } from './drift-command.js';
import { registerExplore } from './explore-command.js';
import { registerLevers } from './levers-command.js';
import { registerMunicipality } from './municipality-command.js';
import { registerOdd } from './odd-command.js';
import { runProgram } from './program.js';
import { registerReport } from './report-command.js';
import { registerRerun } from './rerun-command.js';
import { registerScenarioCommands } from './scenario-commands.js';
import { registerSearch } from './search-command.js';
import { registerSensitivity } from './sensitivity-command.js';
import { registerValidateModel } from './validate-model-command.js';

const program = new Command()
  .name('tanker')
  .description('Agent-based simulator of municipal transformation toward co-creation ("turning the tanker").')
  .version(toolVersion())
  .showHelpAfterError('(run "tanker help" for the commands)');

registerScenarioCommands(program);
registerBatch(program);
registerRerun(program);
registerReport(program);
registerSensitivity(program);
registerCalibrate(program);
registerMunicipality(program);
registerSearch(program);
registerDiscover(program);
registerDemo(program);
registerValidateModel(program);
registerDrift(program);
registerLevers(program);
registerCosts(program);
registerDock(program);
registerOdd(program);
registerExplore(program);
registerCluster(program);

void runProgram(program);
