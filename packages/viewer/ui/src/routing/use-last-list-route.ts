import { useEffect, useMemo } from 'react';
import { parseRoute, toRouteHash, type ListRoute, type Route } from './parse-route.js';
import { readSessionValue, writeSessionValue } from './session-value.js';

const LAST_LIST_HASH = 'hopscope.lastListHash';
const FIRST_PAGE: ListRoute = { view: 'list', filters: {} };

/**
 * The list view (filters and page) the user was last on in this tab, remembered across reloads:
 * where "back" (Esc) from a trace goes. The first page without filters when there is none.
 *
 * @example
 * const backRoute = useLastListRoute(route);
 */
export function useLastListRoute(route: Route): ListRoute {
  const hash = route.view === 'list' ? toRouteHash(route) : null;
  useEffect(() => {
    if (hash !== null) writeSessionValue(LAST_LIST_HASH, hash);
  }, [hash]);
  return useMemo(() => {
    if (route.view === 'list') return route;
    const last = parseRoute(readSessionValue(LAST_LIST_HASH) ?? '');
    return last.view === 'list' ? last : FIRST_PAGE;
  }, [route]);
}
