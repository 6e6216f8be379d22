/** `tanker municipality FILE`: a municipality's own description and measurements → a scenario and a calibration file. */
import type { Command } from 'commander';
import { parseIntArg } from './args.js';

export function registerMunicipality(program: Command): void {
  program
    .command('municipality')
    .argument('<file>', 'municipality file (YAML or JSON): name, population, organisation CSV and measurements')
    .description(
      "Turn a municipality's own data (organisation CSV, 10-FAKTOR staff survey, co-creation projects, citizens' survey) into a scenario and a calibration file with targets in year 1; see docs/municipality-data.md.",
    )
    .option('--out <dir>', 'folder to write the two files to (default: output/municipality/NAME)')
    .option(
      '--level-replicates <n>',
      "replicates of the base scenario's first year that give the model's own levels",
      parseIntArg('--level-replicates', 1, 100),
      4,
    )
    .action(async (path: string, o: { out?: string; levelReplicates: number }) => {
      const [
        { readFileSync },
        { join, resolve },
        { loadMunicipality },
        { municipalityCalibration, municipalityScenario, yearOneLevels },
        { formatErrors, loadScenario },
        { writeFileAtomic },
      ] = await Promise.all([
        import('node:fs'),
        import('node:path'),
        import('../municipality/spec.js'),
        import('../municipality/build.js'),
        import('../scenario/index.js'),
        import('../io/atomic.js'),
      ]);
      const m = loadMunicipality(path);
      if (!m.ok) {
        console.error(formatErrors(m.errors));
        process.exitCode = 1;
        return;
      }
      const out = resolve(o.out ?? join('output', 'municipality', m.spec.name));
      const sc = municipalityScenario(m.spec);
      if (!sc.ok) {
        console.error(formatErrors(sc.errors));
        process.exitCode = 1;
        return;
      }
      const scenarioFile = join(out, `${sc.value.name}.yaml`);
      // Check the scenario as it will be written, before writing anything.
      const check = loadScenario(scenarioFile, { read: (p) => (p === scenarioFile ? sc.value.text : readFileSync(p, 'utf8')) });
      if (!check.ok) throw new Error(`the scenario written from ${path} would be invalid (a bug):\n${formatErrors(check.errors)}`);
      const levels = yearOneLevels(check.scenario.config, String(check.scenario.seed), o.levelReplicates);
      const cal = municipalityCalibration(m.spec, scenarioFile, sc.value.units, levels);
      if (!cal.ok) {
        console.error(formatErrors(cal.errors));
        process.exitCode = 1;
        return;
      }
      const calibrationFile = join(out, `${cal.value.name}.yaml`);
      if ([scenarioFile, calibrationFile].includes(m.spec.file))
        throw new Error(`--out ${out} would write over the municipality file ${path}; choose another folder`);
      writeFileAtomic(scenarioFile, sc.value.text);
      writeFileAtomic(calibrationFile, cal.value.text);
      console.log(
        `${m.spec.name}: ${sc.value.staff} staff in ${sc.value.units.length} units, ${cal.value.targets.length} targets in year 1`,
      );
      for (const t of cal.value.targets) console.log(`  ${t.indicator.padEnd(18)} ${t.value} ± ${t.sd}  ${t.note}`);
      for (const u of cal.value.unused) console.log(`  not used: ${u}`);
      console.log(`wrote ${scenarioFile}\nwrote ${calibrationFile}`);
      console.log(`next: tanker calibrate ${calibrationFile}`);
    });
}
