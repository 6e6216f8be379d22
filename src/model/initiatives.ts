/**
 * The initiative store: a fixed pool of slots with a free stack, so starting and ending
 * initiatives never allocates. Membership is mirrored on the agents (staff.initiative,
 * citizens.current) so both directions are O(1).
 */
import { AGENT, EVENT } from './events.js';
import type { World } from './state.js';
import { PHASE } from './state.js';

/** Take a free slot for a new initiative owned by `owner` with `champion` as first member; -1 if full. */
export function openInitiative(
  w: World,
  tick: number,
  owner: number,
  champion: number,
  problem: number,
  depth: number,
  method: number,
  mission = 0,
): number {
  const s = w.inits;
  if (s.freeTop === 0) return -1;
  const id = s.free[--s.freeTop]!;
  s.phase[id] = PHASE.forming;
  s.problem[id] = problem;
  s.depth[id] = depth;
  s.method[id] = method;
  s.owner[id] = owner;
  s.champion[id] = champion;
  s.start[id] = tick;
  s.phaseStart[id] = tick;
  s.progress[id] = 0;
  s.teamCount[id] = 0;
  s.citizenCount[id] = 0;
  s.partnerCount[id] = 0;
  s.labelled[id] = 0;
  s.actual[id] = 0;
  s.units[id] = 0;
  s.mission[id] = mission;
  s.enthusiastLed[id] = champion >= 0 && w.staff.enthusiast[champion] === 1 ? 1 : 0;
  s.serial[id] = s.nextSerial++;
  s.active++;
  w.log?.opened({
    serial: s.serial[id]!,
    owner,
    champion,
    problem,
    depth,
    method,
    mission,
    enthusiastLed: s.enthusiastLed[id]!,
  });
  if (champion >= 0) addMember(w, id, champion);
  return id;
}

export function addMember(w: World, id: number, person: number): boolean {
  const s = w.inits;
  const c = s.teamCount[id]!;
  if (c >= s.maxTeam || w.staff.initiative[person]! >= 0) return false;
  s.team[id * s.maxTeam + c] = person;
  s.teamCount[id] = c + 1;
  s.units[id] = s.units[id]! | (1 << w.staff.unit[person]!);
  w.staff.initiative[person] = id;
  w.log?.event(s.serial[id]!, EVENT.joined, AGENT.staff, person, w.staff.unit[person]!);
  return true;
}

/** Remove a person from their initiative (turnover, burnout); the champion role is lost with them. */
export function removeMember(w: World, person: number): void {
  const s = w.inits;
  const id = w.staff.initiative[person]!;
  if (id < 0) return;
  const base = id * s.maxTeam;
  const c = s.teamCount[id]!;
  for (let k = 0; k < c; k++) {
    if (s.team[base + k] === person) {
      s.team[base + k] = s.team[base + c - 1]!;
      s.teamCount[id] = c - 1;
      break;
    }
  }
  if (s.champion[id] === person) s.champion[id] = -1;
  w.staff.initiative[person] = -1;
  w.log?.event(s.serial[id]!, EVENT.left, AGENT.staff, person, w.staff.unit[person]!);
}

export function addCitizen(w: World, id: number, citizen: number): boolean {
  const s = w.inits;
  const c = s.citizenCount[id]!;
  if (c >= s.maxCitizens || w.citizens.current[citizen]! >= 0) return false;
  s.citizenIds[id * s.maxCitizens + c] = citizen;
  s.citizenCount[id] = c + 1;
  w.citizens.current[citizen] = id;
  if (w.citizens.participations[citizen] === 0) w.citizens.past[w.citizens.pastN++] = citizen;
  w.citizens.participations[citizen] = w.citizens.participations[citizen]! + 1;
  w.citizens.activity[citizen] = w.citizens.activity[citizen]! + 1;
  s.actual[id] = 1;
  w.log?.event(s.serial[id]!, EVENT.joined, AGENT.citizen, citizen);
  return true;
}

export function addPartner(w: World, id: number, partner: number): boolean {
  const s = w.inits;
  const c = s.partnerCount[id]!;
  if (c >= s.maxPartners) return false;
  const base = id * s.maxPartners;
  for (let k = 0; k < c; k++) if (s.partnerIds[base + k] === partner) return false;
  s.partnerIds[base + c] = partner;
  s.partnerCount[id] = c + 1;
  w.partners.load[partner] = w.partners.load[partner]! + 1;
  w.log?.event(s.serial[id]!, EVENT.joined, AGENT.partner, partner);
  return true;
}

/** Release everyone but the champion: the line or the champion now carries the result. */
export function releaseTeam(w: World, id: number, keepChampion: boolean): void {
  const s = w.inits;
  const base = id * s.maxTeam;
  const champ = s.champion[id]!;
  let kept = 0;
  for (let k = 0; k < s.teamCount[id]!; k++) {
    const person = s.team[base + k]!;
    if (keepChampion && person === champ) {
      s.team[base + kept++] = person;
    } else {
      w.staff.initiative[person] = -1;
    }
  }
  s.teamCount[id] = kept;
  const cb = id * s.maxCitizens;
  for (let k = 0; k < s.citizenCount[id]!; k++) w.citizens.current[s.citizenIds[cb + k]!] = -1;
  const pb = id * s.maxPartners;
  for (let k = 0; k < s.partnerCount[id]!; k++) {
    const q = s.partnerIds[pb + k]!;
    w.partners.load[q] = Math.max(0, w.partners.load[q]! - 1);
  }
  s.citizenCount[id] = 0;
  s.partnerCount[id] = 0;
}

/** End an initiative and return its slot to the pool. */
export function closeInitiative(w: World, id: number): void {
  const s = w.inits;
  releaseTeam(w, id, false);
  s.phase[id] = PHASE.free;
  s.champion[id] = -1;
  s.free[s.freeTop++] = id;
  s.active--;
}

/** Number of distinct units that have taken part (bit count of the unit mask). */
export function unitCount(w: World, id: number): number {
  let mask = w.inits.units[id]!;
  let n = 0;
  while (mask) {
    mask &= mask - 1;
    n++;
  }
  return n;
}
