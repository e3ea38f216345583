import { readSessionValue, writeSessionValue } from '../routing/session-value.js';

const PAGE_TRAIL = 'hopscope.listPageTrail';
/** The trail keeps the most recent pages only. */
const MAX_PAGES = 200;

type Trail = ReadonlyArray<readonly [page: string, previous: string]>;

const pageKey = (filterKey: string, cursor: string): string => `${filterKey}\n${cursor}`;

function readTrail(): Trail {
  try {
    const parsed = JSON.parse(readSessionValue(PAGE_TRAIL) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((entry): entry is [string, string] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The trail with page `cursor` (under the filters `filterKey`) recorded as coming after page
 * `previous` (undefined: the first page); most recent last, at most MAX_PAGES entries.
 *
 * @example
 * computePageTrail({ trail: [], filterKey: 'model=x', cursor: 'c2', previous: 'c1' }); // [['model=x\nc2', 'c1']]
 */
export function computePageTrail(options: { readonly trail: Trail; readonly filterKey: string; readonly cursor: string; readonly previous: string | undefined }): Trail {
  const key = pageKey(options.filterKey, options.cursor);
  return [...options.trail.filter(([page]) => page !== key), [key, options.previous ?? ''] as const].slice(-MAX_PAGES);
}

/**
 * Remembers, for this tab, that the list page starting after `cursor` was reached from page `previous`.
 *
 * @example
 * rememberPreviousPage({ filterKey, cursor: page.nextCursor, previous: cursor });
 */
export function rememberPreviousPage(options: { readonly filterKey: string; readonly cursor: string; readonly previous: string | undefined }): void {
  writeSessionValue(PAGE_TRAIL, JSON.stringify(computePageTrail({ trail: readTrail(), ...options })));
}

/**
 * The cursor of the page before page `cursor`: undefined for the first page, and when the page was
 * not reached by paging in this tab (a shared link), so "Previous page" goes to the first page.
 *
 * @example
 * readPreviousPage({ filterKey, cursor }); // 'c1' | undefined
 */
export function readPreviousPage(options: { readonly filterKey: string; readonly cursor: string }): string | undefined {
  const key = pageKey(options.filterKey, options.cursor);
  const previous = readTrail().find(([page]) => page === key)?.[1];
  return previous ? previous : undefined;
}
