import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The UI builds into dist/web, which the service serves (src/web/). `npm run dev:web` proxies the
// API to a service already running on PROFILEGRAPH_URL (http://localhost:4000 unless set).
const service = process.env.PROFILEGRAPH_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    // GraphiQL's page is one large chunk of its own; the app's routes are split and measured by the tests.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // React libraries mark modules "use client" for server components; a client-only bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  server: {
    proxy: {
      '/graphql': service,
      '/dev/': service,
      '^/people/[^/]+/resume\\.json$': service,
    },
  },
});
