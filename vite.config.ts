import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

// The web app lives in src/web and is served from dist/web by the Rapport server, which sets a strict CSP:
// everything the page needs must be a file from our own origin (no inline scripts or styles).
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Never inline small assets as data: URLs into scripts or styles; files keep the CSP simple.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
