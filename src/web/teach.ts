/// <reference lib="dom" />
/**
 * Teacher mode: the switch between explore and teach panels, the list of lessons and the lesson on
 * show, and loading a lesson (both configurations, the chart its questions point at) and playing it.
 */
import { escapeXml as esc } from '../engine/format.js';
import { fillStaticSelects, syncControls } from './controls.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { LESSON_REPLICATES, LESSONS, lessonSlot } from './lessons.js';
import { play } from './playback.js';
import { inspect, runAll, saveHash } from './runs.js';
import { type Explorer, lesson } from './state.js';
import { render } from './view.js';

function renderLessonPanel(x: Explorer): void {
  const lang = x.page.lang;
  // Numbers only, so that the list takes one line on a projector; the full title is the button's
  // name and tooltip, and the heading of the lesson on show.
  $('lesson-list').innerHTML = LESSONS.map((l, i) => {
    const name = `${t(lang, 'lessonN', { n: i + 1 })}: ${l.title[lang]}`;
    return `<button type="button" data-lesson="${i}" aria-pressed="${x.page.lesson === i}" aria-label="${esc(name)}" title="${esc(name)}">${i + 1}</button>`;
  }).join('');
  const l = lesson(x);
  const art = $('lesson');
  if (!l) {
    art.innerHTML = `<p>${esc(t(lang, 'chooseLesson'))}</p>`;
    return;
  }
  art.innerHTML = [
    `<h2>${esc(t(lang, 'lessonN', { n: (x.page.lesson ?? 0) + 1 }))}: ${esc(l.title[lang])}</h2>`,
    `<div class="pair"><span class="a">A: ${esc(l.labelA[lang])}</span><span class="b">B: ${esc(l.labelB[lang])}</span></div>`,
    `<div class="lesson-body" tabindex="0" aria-label="${esc(t(lang, 'lessonText'))}">`,
    `<p>${esc(l.intro[lang])}</p>`,
    `<h3>${esc(t(lang, 'lookFor'))}</h3>`,
    `<ul>${l.lookFor[lang].map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`,
    '</div>',
    `<div class="discuss-box" id="discuss"><h3>${esc(t(lang, 'discuss'))}</h3>`,
    `<p>${esc(l.discuss[lang])}</p></div>`,
    `<div class="actions"><button type="button" id="lesson-replay" class="primary">${esc(t(lang, 'replay'))}</button>`,
    `<button type="button" id="lesson-explore">${esc(t(lang, 'toExplore'))}</button></div>`,
  ].join('');
}

/** Show the panel of the current mode (teach: lessons; explore: the settings form). */
export function applyMode(x: Explorer): void {
  const teach = x.page.mode === 'teach';
  $('teach-panel').hidden = !teach;
  $('explore-panel').hidden = teach;
  $('side').classList.toggle('teaching', teach);
  $('mode-teach').setAttribute('aria-pressed', String(teach));
  $('mode-explore').setAttribute('aria-pressed', String(!teach));
  renderLessonPanel(x);
}

/** Load lesson i into A and B, run both and play them from the start. */
export async function applyLesson(x: Explorer, i: number): Promise<void> {
  const l = LESSONS[i];
  if (!l) return;
  const { page } = x;
  page.mode = 'teach';
  page.lesson = i;
  page.compare = true;
  page.replicates = LESSON_REPLICATES;
  page.extra = l.extra;
  page.a = lessonSlot(l, 'A');
  page.b = lessonSlot(l, 'B');
  x.editing = 'A';
  applyMode(x);
  fillStaticSelects(x);
  saveHash(x);
  await Promise.all([inspect(x, 'A'), inspect(x, 'B')]);
  syncControls(x);
  await runAll(x, true);
}

export function wireTeach(x: Explorer): void {
  const toMode = (mode: 'explore' | 'teach') => {
    x.page.mode = mode;
    applyMode(x);
    if (mode === 'explore') syncControls(x);
    saveHash(x);
    render(x);
  };
  $('mode-explore').addEventListener('click', () => toMode('explore'));
  $('mode-teach').addEventListener('click', () => toMode('teach'));
  $('lesson-list').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-lesson]');
    if (b) void applyLesson(x, Number(b.dataset.lesson));
  });
  $('lesson').addEventListener('click', (e) => {
    const id = (e.target as HTMLElement).id;
    if (id === 'lesson-replay') play(x);
    if (id === 'lesson-explore') toMode('explore');
  });
}
