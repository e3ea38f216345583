import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));
const viewerApi = 'http://127.0.0.1:4318';

// The UI is served by the viewer under a strict CSP (script-src 'self', no inline scripts or
// styles), so nothing may be inlined: no modulepreload polyfill, no inlined assets.
export default defineConfig({
  root: uiRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': viewerApi, '/v1': viewerApi },
  },
});
