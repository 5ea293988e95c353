// Vite config of the admin console (.mts: Vite loads it as ESM without the CommonJS-compat warning).
// Run from the workspace root: `vite build -c apps/admin/vite.config.mts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.mts';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../../', import.meta.url));
const apiTarget = process.env.GONGJI_API_URL ?? 'http://127.0.0.1:3000';

// Vendor chunks: react-admin pulls MUI, react-query, react-hook-form and react-router; splitting them keeps the app
// chunk small and lets browsers cache the libraries across deploys. recharts gets no group: only the lazily loaded
// dashboard chart imports it, so the bundler leaves it in that chart's own chunk. Groups also take their modules'
// dependencies, so react is claimed first (highest priority).
const VENDOR_GROUPS: ReadonlyArray<{ name: string; test: RegExp; priority: number }> = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-is)[\\/]/, priority: 40 },
  {
    name: 'vendor-graphql',
    test: /node_modules[\\/](@apollo|graphql|graphql-tag|@wry|optimism|zen-observable[^\\/]*|ts-invariant|symbol-observable)[\\/]/,
    priority: 30,
  },
  {
    name: 'vendor-mui',
    test: /node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group)[\\/]/,
    priority: 20,
  },
  {
    name: 'vendor-react-admin',
    test: /node_modules[\\/](react-admin|ra-[^\\/]+|@tanstack|react-hook-form|react-router[^\\/]*|lodash|node-polyglot|inflection|query-string|jsonexport|date-fns)[\\/]/,
    priority: 10,
  },
];

export default defineConfig(({ mode }) => ({
  root: here,
  // Apollo Client 3 keeps dev-only checks and the "download the devtools" banner behind globalThis.__DEV__.
  define: mode === 'production' ? { 'globalThis.__DEV__': 'false' } : {},
  base: '/admin/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@gongji/domain': `${workspace}libs/domain/src/index.ts`,
    },
  },
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    port: 4300,
    host: '127.0.0.1',
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: `${workspace}dist/apps/admin`,
    emptyOutDir: true,
    // No source maps in the production build (they would publish the whole source); `vite build --mode development`
    // keeps them for debugging.
    sourcemap: mode !== 'production',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS.map((g) => ({ ...g })) },
      },
    },
  },
}));
