import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// Vite 8 compiles TSX itself (oxc) with React's automatic runtime; no React plugin is needed.
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  resolve: {
    // dkfds's package exports only its script; its CSS (with the fonts and icons it points at) is bundled from dist/.
    alias: [{ find: /^dkfds\/dist\/(.*)$/, replacement: `${path.resolve(here, '../node_modules/dkfds/dist')}/$1` }],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline data: URLs for scripts or fonts: the CSP allows only this origin's files (and data: images).
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      // react-router marks its modules "use client" (for server components); meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npx vite -c web/vite.config.ts` during development: the API of a running `npm start`.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
