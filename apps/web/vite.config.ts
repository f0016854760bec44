// The workbench is built into apps/web/dist and served by the API server on the same port (one command starts all).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The API's types and shared constants (apps/server/src/api-types.ts: zod schemas and plain data, no server code).
  resolve: { alias: { '@api': `${import.meta.dirname}/../server/src/api-types.ts` } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
