// The API's connection cursors are opaque to portals but documented for the console: base64("offset:<n>").

/** The cursor of the row at zero-based `offset`. */
export function offsetCursor(offset: number): string {
  return btoa(`offset:${offset}`);
}

/**
 * react-admin pages are 1-based with a page size; a Relay connection wants `first` and the cursor of the row just
 * before the page (`after`), i.e. offset `(page - 1) * perPage - 1`. The first page has no `after`.
 */
export function pageToConnectionArgs(page: number, perPage: number): { first: number; after?: string } {
  const safePage = Math.max(1, Math.floor(page));
  const first = Math.min(100, Math.max(1, Math.floor(perPage)));
  const offset = (safePage - 1) * first - 1;
  return offset < 0 ? { first } : { first, after: offsetCursor(offset) };
}
