/** Where the scenario library of this installation lives (scenarios/ in the clone or in the installed package). */
import { fileURLToPath } from 'node:url';

/** Absolute path of the scenario library, e.g. `join(SCENARIO_LIBRARY, 'teaching/tugboats.yaml')` for `loadScenario`. */
export const SCENARIO_LIBRARY = fileURLToPath(new URL('../../scenarios/', import.meta.url));
