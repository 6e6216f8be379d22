/// <reference lib="dom" />
/** Small DOM helpers of the explorer page. */

/** The element with this id; throws if the page lacks it (a mismatch between index.html and the code). */
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

/** The width of an element in pixels, or `fallback` while it is not laid out. */
export function widthOf(el: HTMLElement, fallback: number): number {
  const w = el.clientWidth;
  return w > 50 ? Math.floor(w) : fallback;
}

/** Offer a file for download. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
