import { parseListFilters, toListSearchParams, type ListFilters } from '../list/parse-list-filters.js';

/** Every view of the viewer, addressable by the URL hash. */
export type Route =
  | ListRoute
  | { readonly view: 'trace'; readonly traceId: string; readonly spanId: string | null }
  | { readonly view: 'compare'; readonly a: string; readonly b: string }
  | { readonly view: 'not-found'; readonly path: string };

/** The trace list: its filters and, past the first page, the cursor the page starts after. */
export interface ListRoute {
  readonly view: 'list';
  readonly filters: ListFilters;
  /** The server's opaque cursor; absent on the first (live) page. */
  readonly cursor?: string;
}

const HEX = /^[0-9a-fA-F]+$/;

/** A path segment decoded, or null when its percent-escapes are malformed (`%E0`, `%zz`): such a link leads nowhere. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * A location hash (`#/`, `#/?model=x`, `#/?model=x&cursor=<c>`, `#/trace/<id>`, `#/trace/<id>/span/<id>`, `#/compare/<a>/<b>`)
 * to a route.
 *
 * @example
 * parseRoute('#/trace/0af7651916cd43dd8448eb211c80319c/span/b7ad6b7169203331');
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  if (segments.includes(null)) return { view: 'not-found', path };
  const [head, first, second, third] = segments;
  if (segments.length === 0) {
    const cursor = query.get('cursor');
    return cursor ? { view: 'list', filters: parseListFilters(query), cursor } : { view: 'list', filters: parseListFilters(query) };
  }
  if (head === 'trace' && first && HEX.test(first)) {
    if (segments.length === 2) return { view: 'trace', traceId: first.toLowerCase(), spanId: null };
    if (segments.length === 4 && second === 'span' && third && HEX.test(third)) {
      return { view: 'trace', traceId: first.toLowerCase(), spanId: third.toLowerCase() };
    }
  }
  if (head === 'compare' && segments.length === 3 && first && second && HEX.test(first) && HEX.test(second)) {
    return { view: 'compare', a: first.toLowerCase(), b: second.toLowerCase() };
  }
  return { view: 'not-found', path };
}

/**
 * A route to its location hash (the inverse of parseRoute).
 *
 * @example
 * toRouteHash({ view: 'compare', a: 'aa', b: 'bb' }); // '#/compare/aa/bb'
 */
export function toRouteHash(route: Route): string {
  switch (route.view) {
    case 'list': {
      const query = toListSearchParams(route.filters, route.cursor ? { cursor: route.cursor } : {}).toString();
      return query ? `#/?${query}` : '#/';
    }
    case 'trace':
      return route.spanId ? `#/trace/${route.traceId}/span/${route.spanId}` : `#/trace/${route.traceId}`;
    case 'compare':
      return `#/compare/${route.a}/${route.b}`;
    case 'not-found':
      return `#${route.path}`;
    default: {
      const _exhaustive: never = route;
      return _exhaustive;
    }
  }
}
