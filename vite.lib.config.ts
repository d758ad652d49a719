import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** npm run build:lib: the embeddable package (ESM) in dist-lib/; dependencies stay imports. */
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    cssCodeSplit: false,
    lib: { entry: fileURLToPath(new URL('./src/lib-entry.ts', import.meta.url)), formats: ['es'], fileName: 'index', cssFileName: 'style' },
    rollupOptions: {
      // Everything from node_modules (react, aws-amplify, xstate, …) is the host app's to install.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    },
  },
});
