// Builds the renderer only. The output is served by the Electron app protocol and by
// `workbench serve`, both under a strict CSP, so nothing here may produce inline code.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs work under app://workbench/ and under http://127.0.0.1:<port>/ alike.
  base: './',
  plugins: [react()],
  // Workers are started with `{ type: 'module' }` (review/useReviewMetrics.ts): build them as modules.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    // The polyfill is an inline <script>, which `script-src 'self'` refuses.
    modulePreload: { polyfill: false },
    // Keep every asset a real file: inlined fonts or SVGs would become data: URLs the CSP may refuse.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
