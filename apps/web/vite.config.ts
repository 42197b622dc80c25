import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

/** Built into dist/, which the api serves on `/`; in development Vite proxies GraphQL to the api. */
export default defineConfig({
  plugins: [react()],
  // The domain package is CommonJS and linked from the workspace: Vite's dev server pre-bundles it
  // into an ES module (the production build converts it on its own).
  optimizeDeps: { include: ['@sot/domain'] },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
});
