import { useCallback, useEffect, useState } from 'react';
import { parseRoute, toRouteHash, type Route } from './parse-route.js';

/**
 * The current route from `location.hash`, and a navigate function that writes it.
 *
 * @example
 * const [route, navigate] = useRoute();
 * navigate({ view: 'trace', traceId, spanId: null });
 */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = toRouteHash(next);
    if (options?.replace) {
      window.history.replaceState(null, '', hash);
      setRoute(parseRoute(hash));
    } else if (window.location.hash !== hash) {
      window.location.hash = hash;
    }
  }, []);
  return [route, navigate];
}
