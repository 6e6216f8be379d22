/// <reference lib="dom" />
/**
 * Playback of finished runs: play, pause and seek over the weeks (the model is not run again), the
 * playback buttons and the keyboard shortcuts (space, Home, End, arrows).
 */
import { $ } from './dom.js';
import { type Explorer, maxTicks } from './state.js';
import { render } from './view.js';

/** Seconds one play-through of the whole run takes (the speed menu). */
function speedSeconds(): number {
  return Number($<HTMLSelectElement>('speed').value) || 6;
}

function frame(x: Explorer, now: number): void {
  const p = x.playback;
  if (!p.playing) return;
  const dt = Math.min(100, now - p.lastFrame);
  p.lastFrame = now;
  // While a run is computing, "Computing…" covers the charts: hold the playback still rather than
  // draw under it, which on two cores took time from the model's worker (a slider change during
  // playback took about 1.5 times as long).
  if (x.runs.running) {
    requestAnimationFrame((t) => frame(x, t));
    return;
  }
  const ticks = maxTicks(x);
  p.cursor += (dt / 1000) * (ticks / speedSeconds());
  if (p.cursor >= ticks - 1) {
    p.cursor = ticks - 1;
    p.playing = false;
  }
  render(x, !p.playing);
  if (p.playing) requestAnimationFrame((t) => frame(x, t));
}

/** Play from the cursor (from the start when at the end). */
export function play(x: Explorer): void {
  const p = x.playback;
  if (p.cursor >= maxTicks(x) - 1) p.cursor = 0;
  p.playing = true;
  p.lastFrame = performance.now(); // clock-ok: animation frame timing
  render(x);
  requestAnimationFrame((t) => frame(x, t));
}

export function pause(x: Explorer): void {
  x.playback.playing = false;
  render(x);
}

/** Stop and show week `tick` (clamped into the run). */
export function seek(x: Explorer, tick: number): void {
  x.playback.playing = false;
  x.playback.cursor = Math.max(0, Math.min(maxTicks(x) - 1, Math.round(tick)));
  render(x);
}

export function wirePlayback(x: Explorer): void {
  const at = () => Math.floor(x.playback.cursor);
  const toggle = () => (x.playback.playing ? pause(x) : play(x));
  $('play').addEventListener('click', toggle);
  $('step-back').addEventListener('click', () => seek(x, at() - 4));
  $('step-fwd').addEventListener('click', () => seek(x, at() + 4));
  $('to-start').addEventListener('click', () => seek(x, 0));
  $('to-end').addEventListener('click', () => seek(x, maxTicks(x) - 1));
  $('time').addEventListener('input', (e) => seek(x, Number((e.target as HTMLInputElement).value)));
  const keys: Record<string, () => void> = {
    ' ': toggle,
    Home: () => seek(x, 0),
    End: () => seek(x, maxTicks(x) - 1),
    ArrowLeft: () => seek(x, at() - 1),
    ArrowRight: () => seek(x, at() + 1),
  };
  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement;
    // A key pressed in a field, menu, slider or on a button belongs to that control.
    if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName) || el.isContentEditable) return;
    const act = keys[e.key];
    if (!act || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault(); // a shortcut never scrolls the page
    act();
  });
}
