import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, type Plugin } from 'vite';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const ROOT_MARKER = '<div id="root"></div>';

/**
 * Puts the sign-in screen, rendered to HTML (src/prerender.tsx), into the built index.html: the page
 * (and the hosted /login, which serves the same file) is usable before its JavaScript arrives.
 */
function prerenderSignIn(): Plugin {
  return {
    name: 'prerender-sign-in',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (ctx.filename !== path('./index.html') || !html.includes(ROOT_MARKER)) return html;
        const server = await createServer({
          configFile: false,
          root: path('.'),
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, watch: null },
          // Rendering on the server needs no pre-bundled browser dependencies.
          optimizeDeps: { noDiscovery: true, include: [] },
          plugins: [react(), prerenderSignIn()],
        });
        try {
          const { renderSignInPage } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderSignInPage: () => string };
          return html.replace(ROOT_MARKER, `<div id="root">${renderSignInPage()}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * `vite build` builds the sign-in app alone, so the first route's chunks are its own;
 * `vite build --mode examples` adds the example relying and host apps to the same dist/.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), prerenderSignIn()],
  // The example host app imports the library by its package name, as a real consumer would.
  resolve: { alias: { 'cognito-mfa-signin': path('./src/lib-entry.ts') } },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  build: {
    sourcemap: false,
    // Every browser the es2022 target covers preloads modules natively: no polyfill in the first route.
    modulePreload: { polyfill: false },
    target: 'es2022',
    emptyOutDir: mode !== 'examples',
    rollupOptions: {
      input: (mode === 'examples'
        ? { 'relying-app': path('./examples/relying-app/index.html'), 'host-app': path('./examples/host-app/index.html') }
        : { main: path('./index.html') }) as Record<string, string>,
    },
  },
}));
