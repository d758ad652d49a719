import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `vite build` builds the sign-in app alone, so the first route's chunks are its own;
 * `vite build --mode examples` adds the example relying and host apps to the same dist/.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  // The example host app imports the library by its package name, as a real consumer would.
  resolve: { alias: { 'cognito-mfa-signin': path('./src/lib-entry.ts') } },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  build: {
    sourcemap: false,
    target: 'es2022',
    emptyOutDir: mode !== 'examples',
    rollupOptions: {
      input: (mode === 'examples'
        ? { 'relying-app': path('./examples/relying-app/index.html'), 'host-app': path('./examples/host-app/index.html') }
        : { main: path('./index.html') }) as Record<string, string>,
    },
  },
}));
