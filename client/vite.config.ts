import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:8080';

// `source` first: @sammen/shared is consumed as TypeScript source, so the client never depends on a
// stale shared/dist build.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // The board chunk (Konva, Yjs, zod) is ~580 kB before gzip; the front page loads without it.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 700 },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/yjs': { target: backend, ws: true },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
