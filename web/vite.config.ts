import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The single-page app, built into `dist/web` and served by the API's WebModule at `/`.
// No React plugin: esbuild's automatic JSX runtime is all the build needs (no fast refresh).
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    // Pages load on first visit (app.tsx); React goes in a chunk of its own, which changes only when
    // React does, so no chunk comes near the 500 kB warning (the limit is not raised).
    rollupOptions: {
      output: {
        manualChunks: (id) =>
          /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) ? 'react' : undefined,
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` during UI work: API calls go to a running `npm start`.
    proxy: {
      '/graphql': process.env.API_URL ?? 'http://127.0.0.1:3000',
      // Ticket attachments (upload and download) are plain HTTP beside GraphQL.
      '/api': process.env.API_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
