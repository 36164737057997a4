import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // Run from the repository root (npm run build:web), but web/ is its own app.
  root: webRoot,
  // The server serves web/dist at its root, so assets are addressed from '/'.
  base: '/',
  // Vite 8 transforms TSX with oxc; there is no React plugin, so ask for the automatic runtime here.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The graph chunk (cytoscape, its extensions and ELK's layered layout, ~2.1 MB, 640 kB gzipped)
    // is loaded only by the chart screens; sign-in, search and the profile never fetch it.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // react-query marks its modules "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // Same origin in development as in production: the UI only ever calls /graphql.
    // CHUANTOU_API points it at a server on another port (a second instance, a test run).
    proxy: { '/graphql': process.env.CHUANTOU_API ?? 'http://127.0.0.1:4000' },
  },
});
