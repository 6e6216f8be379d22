/// <reference lib="dom" />
/**
 * The package builder: the levers added to the configuration being edited, each with its own
 * start, end, intensity and options (a unit lever also the units it acts on), and a dialog that offers every lever of the catalogue
 * (levers.ts) by group, with its name and what it changes in one line. The package list is rebuilt
 * only when its levers, the language or the run length change, so that a slider being dragged
 * keeps its place; otherwise only the values and their read-outs are updated.
 */

import { escapeXml as esc } from '../engine/format.js';
import type { OptionSpec } from '../model/index.js';
import { leverName, numbers } from '../report/names.js';
import { weekDate } from './charts.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import {
  actsOnUnits,
  groupName,
  LEVER_GROUPS,
  type LeverChoice,
  leverDescription,
  leverSpecOf,
  newChoice,
  optionDoc,
  setOption,
  setUnits,
  weeksIn,
} from './levers.js';
import { cfgOf, type Explorer } from './state.js';

/** The run the edited configuration's base scenario describes: its length and start date. */
function runOf(x: Explorer): { horizon: number; startDate: string } {
  const sum = x.summaries[x.editing];
  return { horizon: sum?.horizon ?? 260, startDate: sum?.startDate ?? '2026-01-05' };
}

const id = (i: number, field: string) => `lever-${i}-${field}`;

function optionControl(i: number, name: string, o: OptionSpec, lang: 'nb' | 'en', kind: string): string {
  const inputId = id(i, `opt-${name}`);
  const doc = esc(optionDoc(lang, kind, name));
  const data = `data-index="${i}" data-option="${esc(name)}"`;
  switch (o.type) {
    case 'boolean':
      return `<div class="row"><input type="checkbox" id="${inputId}" ${data}><label for="${inputId}">${doc}</label></div>`;
    case 'enum':
      return `<div class="field"><label for="${inputId}">${doc}</label><select id="${inputId}" ${data}>${o.values
        .map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)
        .join('')}</select></div>`;
    default: {
      const step = o.type === 'integer' ? 1 : (o.max - o.min) / 100;
      return `<div class="field"><label for="${inputId}">${doc} <output id="${inputId}-out" for="${inputId}"></output></label><input type="range" id="${inputId}" ${data} min="${o.min}" max="${o.max}" step="${step}"></div>`;
    }
  }
}

/** For a unit lever: a checkbox per unit of the base scenario (all ticked: every unit, as without `units:`). */
function unitPicker(i: number, units: readonly string[], lang: 'nb' | 'en'): string {
  const boxes = units.map((u, k) => {
    const boxId = id(i, `unit-${k}`);
    return `<div class="row"><input type="checkbox" id="${boxId}" data-index="${i}" data-unit="${esc(u)}"><label for="${boxId}"><span class="unit-name">${esc(u)}</span></label></div>`;
  });
  return `<fieldset class="units" id="${id(i, 'units')}"><legend>${esc(t(lang, 'leverUnits'))} <output id="${id(i, 'units')}-out"></output></legend>${boxes.join('')}</fieldset>`;
}

/** One added lever: a collapsible entry whose summary says what and when, and whose body holds its controls. */
function leverItem(x: Explorer, c: LeverChoice, i: number, horizon: number, units: readonly string[]): string {
  const lang = x.page.lang;
  const spec = leverSpecOf(c.kind);
  const name = esc(leverName(lang, c.kind));
  const field = (f: string, label: string, attrs: string) =>
    `<div class="field"><label for="${id(i, f)}">${esc(label)} <output id="${id(i, f)}-out" for="${id(i, f)}"></output></label><input type="range" id="${id(i, f)}" data-index="${i}" data-field="${f}" ${attrs}></div>`;
  const opts = spec ? Object.entries(spec.options).map(([n, o]) => optionControl(i, n, o, lang, c.kind)) : [];
  return [
    `<li><details data-index="${i}"${x.builderOpen.has(c) ? ' open' : ''}>`,
    `<summary><span class="lever-name">${name}</span> <span class="lever-when" id="${id(i, 'when')}"></span>${
      actsOnUnits(c.kind) ? ` <span class="lever-where" id="${id(i, 'where')}"></span>` : ''
    }</summary>`,
    `<p class="help">${esc(leverDescription(lang, c.kind))}${spec && !spec.reversible ? ` ${esc(t(lang, 'leverKept'))}` : ''}</p>`,
    field('start', t(lang, 'leverFrom'), `min="0" max="${horizon - 1}" step="1"`),
    field('end', t(lang, 'leverUntil'), `min="1" max="${horizon}" step="1"`),
    field('intensity', t(lang, 'intensity'), 'min="0" max="1" step="0.05"'),
    ...(actsOnUnits(c.kind) ? [unitPicker(i, units, lang)] : []),
    ...opts,
    `<button type="button" class="remove" data-remove="${i}" aria-label="${esc(t(lang, 'removeLever', { name: leverName(lang, c.kind) }))}">${esc(t(lang, 'remove'))}</button>`,
    '</details></li>',
  ].join('');
}

/** Show the edited configuration's levers: rebuilt when the list changed, else only its values. */
export function syncPackage(x: Explorer): void {
  const lang = x.page.lang;
  const { num } = numbers(lang);
  const { horizon, startDate } = runOf(x);
  const levers = cfgOf(x, x.editing).levers;
  const list = $('package-list');
  const units = x.summaries[x.editing]?.units ?? [];
  const key = `${lang}|${x.editing}|${horizon}|${levers.map((c) => c.kind).join(',')}|${units.join(',')}`;
  if (list.dataset.key !== key) {
    list.dataset.key = key;
    list.innerHTML = levers.map((c, i) => leverItem(x, c, i, horizon, units)).join('');
  }
  $('package-empty').hidden = levers.length > 0;
  const week = (w: number) => t(lang, 'weekDate', { w, d: weekDate(startDate, w) });
  levers.forEach((c, i) => {
    const { start, end } = weeksIn(c, horizon);
    const set = (f: string, v: string, out: string) => {
      const el = document.getElementById(id(i, f)) as HTMLInputElement | null;
      if (el && el.value !== v) el.value = v;
      const o = document.getElementById(`${id(i, f)}-out`);
      if (o) o.textContent = out;
    };
    set('start', String(start), week(start));
    set('end', String(end ?? horizon), end === null ? t(lang, 'toTheEnd') : week(end));
    set('intensity', String(c.intensity), num(c.intensity, 2));
    $(id(i, 'when')).textContent = t(lang, 'leverWhen', {
      from: start,
      to: end === null ? t(lang, 'theEnd') : String(end),
      k: num(c.intensity, 2),
    });
    if (actsOnUnits(c.kind)) {
      // On its own line in the summary (it may be long): the units when placed on some.
      $(id(i, 'where')).textContent = c.units === null ? '' : c.units.join(', ');
      units.forEach((u, k) => {
        const box = document.getElementById(id(i, `unit-${k}`)) as HTMLInputElement | null;
        if (box) box.checked = c.units === null || c.units.includes(u);
      });
      const out = document.getElementById(`${id(i, 'units')}-out`);
      if (out) out.textContent = c.units === null ? t(lang, 'allUnits') : t(lang, 'someUnits', { k: c.units.length, n: units.length });
    }
    const spec = leverSpecOf(c.kind);
    for (const [name, o] of Object.entries(spec?.options ?? {})) {
      const el = document.getElementById(id(i, `opt-${name}`)) as HTMLInputElement | HTMLSelectElement | null;
      if (!el) continue;
      const v = c.options[name] ?? o.default;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true;
      else if (el.value !== String(v)) el.value = String(v);
      const out = document.getElementById(`${id(i, `opt-${name}`)}-out`);
      if (out) out.textContent = typeof v === 'number' ? num(v, o.type === 'integer' ? 0 : undefined) : String(v);
    }
  });
}

/** The dialog's catalogue: every lever by group, each a button that adds it. */
function renderCatalogue(x: Explorer): void {
  const lang = x.page.lang;
  const added = new Set(cfgOf(x, x.editing).levers.map((c) => c.kind));
  $('lever-catalogue').innerHTML = LEVER_GROUPS.map(
    (g) =>
      `<section class="lever-group" data-group="${esc(g.id)}"><h3>${esc(groupName(lang, g.id))}</h3><ul>${g.levers
        .map(
          (l) =>
            `<li><button type="button" data-add="${esc(l.kind)}"><span class="lever-name">${esc(leverName(lang, l.kind))}${
              added.has(l.kind) ? ` <span class="badge">${esc(t(lang, 'inPackage'))}</span>` : ''
            }</span><span class="lever-desc">${esc(leverDescription(lang, l.kind))}</span></button></li>`,
        )
        .join('')}</ul></section>`,
  ).join('');
}

/** Connect the builder; `changed` records a change of the configuration and schedules a run. */
export function wireBuilder(x: Explorer, changed: () => void): void {
  const levers = () => cfgOf(x, x.editing).levers;
  const dialog = $<HTMLDialogElement>('lever-dialog');
  $('add-lever').addEventListener('click', () => {
    renderCatalogue(x);
    dialog.showModal();
  });
  $('lever-catalogue').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-add]');
    if (!b) return;
    const c = newChoice(b.dataset.add ?? '');
    x.builderOpen.add(c);
    levers().push(c);
    dialog.close();
    changed();
    document.getElementById(id(levers().length - 1, 'start'))?.focus();
  });
  const list = $('package-list');
  const onInput = (e: Event) => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const c = levers()[Number(el.dataset.index)];
    if (!c) return;
    const { horizon } = runOf(x);
    const v = Number(el.value);
    if (el.dataset.field === 'start') c.start = v;
    else if (el.dataset.field === 'end') c.end = v >= horizon ? null : v;
    else if (el.dataset.field === 'intensity') c.intensity = v;
    else if (el.dataset.unit !== undefined) {
      const boxes = [...list.querySelectorAll<HTMLInputElement>(`input[data-index="${el.dataset.index}"][data-unit]`)];
      const ticked = boxes.filter((b) => b.checked).map((b) => b.dataset.unit ?? '');
      // A lever acts on at least one unit: the last ticked box stays ticked.
      if (ticked.length === 0 && el instanceof HTMLInputElement) {
        el.checked = true;
        return;
      }
      setUnits(c, ticked, x.summaries[x.editing]?.units ?? []);
    } else if (el.dataset.option !== undefined)
      setOption(c, el.dataset.option, el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value);
    else return;
    changed();
  };
  // Sliders report every step, checkboxes and menus their new value: all as `input`.
  list.addEventListener('input', onInput);
  list.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-remove]');
    if (!b) return;
    levers().splice(Number(b.dataset.remove), 1);
    changed();
    $('add-lever').focus();
  });
  list.addEventListener(
    'toggle',
    (e) => {
      const d = e.target as HTMLDetailsElement;
      const c = levers()[Number(d.dataset.index)];
      if (c) {
        if (d.open) x.builderOpen.add(c);
        else x.builderOpen.delete(c);
      }
    },
    true,
  );
  // As the other sliders: let go of the focus after a drag, so that playback keys move the playback.
  list.addEventListener('pointerdown', (e) => {
    const el = e.target as HTMLElement;
    if (el instanceof HTMLInputElement && el.type === 'range') window.addEventListener('pointerup', () => el.blur(), { once: true });
  });
}
