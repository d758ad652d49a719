import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { createServer, defineConfig, type Plugin, type ViteDevServer } from 'vite';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const ROOT_MARKER = '<div id="root"></div>';

/** What the plugin reads of Rollup's output: assets' sources, chunks' modules and imports. */
type OutputBundle = Record<string, { type: string; fileName: string; source?: string | Uint8Array; isEntry?: boolean; facadeModuleId?: string | null; imports?: string[] }>;

/**
 * The stylesheet (about 1.6 KiB gzip) goes into the page: on a slow link its own request was a round
 * trip before the form could be drawn. The Content-Security-Policy allows it by its hash
 * (scripts/serve-dist.mjs computes it from the page; the README says how a deployment does).
 */
function inlineStylesheet(html: string, bundle: OutputBundle | undefined, hashes: string[]): string {
  return html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g, (link, fileName: string) => {
    const asset = bundle?.[fileName];
    if (!asset || asset.type !== 'asset' || asset.source === undefined) return link;
    const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
    const inline = css.replace(/<\/style/gi, '<\\/style');
    hashes.push(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
    return `<style>${inline}</style>`;
  });
}

/**
 * The first screen's strings in every language — only the messages the prerendered page shows —
 * as a JSON data block for the page (not executed: the CSP has nothing to allow), and
 * /first-screen.js (src/first-screen/runtime.ts), the small script that picks one.
 */
async function buildFirstScreen(server: ViteDevServer, keys: string[], chunks: FirstScreenChunks): Promise<{ script: string; dataBlock: string }> {
  const { LOCALES } = (await server.ssrLoadModule('/src/i18n/index.ts')) as { LOCALES: string[] };
  const strings: Record<string, Record<string, string>> = {};
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalog = (await server.ssrLoadModule(`/src/i18n/${locale}.ts`))[locale] as Record<string, string>;
    strings[locale] = Object.fromEntries(keys.map((key) => [key, catalog[key]!]));
  }
  const result = await esbuild({
    entryPoints: [path('./src/first-screen/runtime.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
  });
  // "<" escaped, so no string can end the block.
  const json = JSON.stringify({ strings, ...chunks }).replace(/</g, '\\u003c');
  return { script: result.outputFiles[0]!.text, dataBlock: `<script type="application/json" id="first-screen-data">${json}</script>` };
}

/**
 * What the app fetches only after it has started, and the first screen can ask for sooner: Amplify's
 * chunk, each language's, and the screens after sign-in (with their English) for a sign-in pressed
 * before the app has come; and the chunk that signs in before the app has arrived.
 */
interface FirstScreenChunks {
  preload: { auth: string[]; locales: Record<string, string[]>; later: string[] };
  signIn?: string;
}

/**
 * Amplify's chunk (the early sign-in's), each language's and the later screens' (with the English),
 * each with the chunks it imports, less what the entry already loads (the page links those): the
 * URLs /first-screen.js adds as <link rel="modulepreload">.
 */
function firstScreenChunks(bundle: OutputBundle | undefined): FirstScreenChunks {
  const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (fileName: string, into = new Set<string>()): Set<string> => {
    if (into.has(fileName)) return into;
    into.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) closure(imported, into);
    return into;
  };
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('/index.html'));
  const loaded = entry ? closure(entry.fileName) : new Set<string>();
  const urlsOf = (fileName: string) => [...closure(fileName)].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
  const chunksFor: FirstScreenChunks = { preload: { auth: [], locales: {}, later: [] } };
  for (const chunk of chunks) {
    const module = chunk.facadeModuleId ?? '';
    const locale = /\/src\/i18n\/([a-z]{2})\.ts$/.exec(module)?.[1];
    if (locale && locale !== 'en') chunksFor.preload.locales[locale] = urlsOf(chunk.fileName);
    if (locale === 'en' || module.endsWith('/src/screens/later-screens.ts')) chunksFor.preload.later.push(...urlsOf(chunk.fileName));
    if (module.endsWith('/src/machine/early-sign-in.ts')) {
      chunksFor.preload.auth = urlsOf(chunk.fileName);
      chunksFor.signIn = `/${chunk.fileName}`;
    }
  }
  return chunksFor;
}

/**
 * Puts the sign-in screen, rendered to HTML (src/prerender.tsx), into the built index.html: the page
 * (and the hosted /login, which serves the same file) is usable before its JavaScript arrives.
 */
function prerenderSignIn(): Plugin {
  const hashes: string[] = [];
  let firstScreen: string | undefined;
  let outDir = 'dist';
  return {
    name: 'prerender-sign-in',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // What a deployment's Content-Security-Policy must allow besides 'self': style-src 'self' <hash>.
    writeBundle() {
      if (hashes.length) writeFileSync(join(path('.'), outDir, 'csp-style-hashes.txt'), `${hashes.join(' ')}\n`);
      if (firstScreen) writeFileSync(join(path('.'), outDir, 'first-screen.js'), firstScreen);
    },
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
          plugins: [react()],
        });
        try {
          const { renderSignInPage } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderSignInPage: () => { html: string; keys: string[] } };
          const page = renderSignInPage();
          const built = await buildFirstScreen(server, page.keys, firstScreenChunks(ctx.bundle as OutputBundle | undefined));
          firstScreen = built.script;
          return inlineStylesheet(html, ctx.bundle, hashes)
            .replace(ROOT_MARKER, `<div id="root">${page.html}</div>\n    ${built.dataBlock}`)
            // Hidden until /first-screen.js has set its language and mode (styles/page.css). The script is
            // deferred, so the page is parsed and laid out while it comes, and fetched first (a deferred
            // script is otherwise fetched after the app's modules, and shares the link with them).
            .replace('<html lang="en">', '<html lang="en" data-first-screen="pending">')
            .replace('</title>', '</title>\n    <script src="/first-screen.js" defer fetchpriority="high"></script>');
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
        : // The early sign-in is an entry of its own: the first screen imports it with its exports, and
          // it must not import the app's entry (which would start the app).
          { main: path('./index.html'), 'early-sign-in': path('./src/machine/early-sign-in.ts') }) as Record<string, string>,
      preserveEntrySignatures: 'exports-only',
    },
  },
}));
