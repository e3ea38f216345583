import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built UI from `uiDir` with an SPA fallback to index.html for other GETs, or a
 * plain-text note when the UI has not been built.
 *
 * @example
 * app.use(createStaticUiRouter('packages/viewer/dist/ui'));
 */
export function createStaticUiRouter(uiDir: string): Router {
  const router = Router();
  const index = join(uiDir, 'index.html');
  if (!existsSync(index)) {
    router.get('/{*rest}', (_request, response) => {
      response.type('text/plain').send('Hopscope viewer: the UI is not built (run the viewer package build). The API is at /api and OTLP at /v1/traces.\n');
    });
    return router;
  }
  router.use(express.static(uiDir, { index: 'index.html', fallthrough: true }));
  router.get('/{*rest}', (request, response, next) => {
    if (request.path.startsWith('/api/') || request.path.startsWith('/v1/')) return next();
    response.sendFile(index);
  });
  return router;
}
