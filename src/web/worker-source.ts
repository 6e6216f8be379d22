/**
 * The worker's bundled code as text. A placeholder for type checking: the web build (build.ts)
 * replaces it with the worker bundle, which the page starts from a Blob URL, so the explorer also
 * works when opened from disk (file://), where browsers refuse to load worker scripts by URL.
 */
export const WORKER_SOURCE = '';
