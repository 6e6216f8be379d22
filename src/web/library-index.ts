/**
 * The list of library scenarios for the page (ids, names, descriptions). A placeholder for type
 * checking: the web build (build.ts) replaces it with the scenarios found at build time.
 */
export interface LibraryIndexEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export const LIBRARY_INDEX: readonly LibraryIndexEntry[] = [];
