// Vite config of the viewer: root is viewer/, relative base so the built files work from any path
// (served by src/serve/server.ts at /, or opened from a static host).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // sigma + graphology are one ~250 kB chunk; that is expected.
    chunkSizeWarningLimit: 1500,
    // No inline module-preload polyfill: the server's CSP forbids inline scripts.
    modulePreload: { polyfill: false },
  },
});
