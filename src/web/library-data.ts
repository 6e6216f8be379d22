/**
 * The scenario library for the worker. This file is a placeholder for type checking: the web build
 * (build.ts) replaces it with the scenarios found under scenarios/ at build time, flattened.
 */
import type { LibraryEntry } from './protocol.js';

export const LIBRARY: readonly LibraryEntry[] = [];
