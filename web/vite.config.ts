import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built files are served by the reilu binary (same origin as /api), so no proxy or CORS.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
