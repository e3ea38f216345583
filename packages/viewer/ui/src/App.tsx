import { lazy, Suspense } from 'react';
import { TraceListPage } from './list/TraceListPage.js';
import { useLastListRoute } from './routing/use-last-list-route.js';
import { useRoute } from './routing/use-route.js';
import { TraceViewPage } from './trace/TraceViewPage.js';

const ComparePage = lazy(() => import('./compare/ComparePage.js'));

/**
 * The viewer: a header and the view the URL hash names.
 *
 * @example
 * createRoot(element).render(<App />);
 */
export function App() {
  const [route, navigate] = useRoute();
  const backRoute = useLastListRoute(route);
  return (
    <>
      <header className="app-header">
        <a className="brand" href="#/">
          Hopscope
        </a>
        <nav aria-label="Main">
          <a href="#/">Traces</a>
        </nav>
      </header>
      <main>
        {route.view === 'list' ? <TraceListPage filters={route.filters} cursor={route.cursor} navigate={navigate} /> : null}
        {route.view === 'trace' ? <TraceViewPage key={route.traceId} traceId={route.traceId} spanId={route.spanId} backRoute={backRoute} navigate={navigate} /> : null}
        {route.view === 'compare' ? (
          <Suspense fallback={<p role="status">Loading compare view…</p>}>
            <ComparePage a={route.a} b={route.b} />
          </Suspense>
        ) : null}
        {route.view === 'not-found' ? <p role="alert">Nothing at {route.path}.</p> : null}
      </main>
    </>
  );
}
