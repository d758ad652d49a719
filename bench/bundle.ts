/**
 * The JS the first screen loads (index.html's module script + its modulepreloads), gzipped, against
 * a floor app built in the same run: React + react-dom + the same aws-amplify/auth functions, nothing else.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstRouteJs(distDir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(distDir, f.replace(/^\//, '')));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/** The aws-amplify/auth functions the app's first route imports (read from the adapter's import list). */
function amplifyImports(): string[] {
  const adapter = readFileSync('src/machine/amplify-auth.ts', 'utf8');
  const block = /import\s*\{([^}]*)\}\s*from\s*'aws-amplify\/auth'/.exec(adapter)?.[1] ?? '';
  return block.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type '));
}

/** A config the comparison apps compile in (no /config.json fetch: the fastest a floor can be). */
export const BENCH_POOL = { userPoolId: 'eu-west-1_Bench0001', userPoolClientId: 'benchclient0001' };

/**
 * Builds a comparison app with Vite in a temporary folder, resolving packages from this project;
 * `main` is its src/main.tsx. Returns the folder (dist/ inside).
 */
function buildComparisonApp(name: string, main: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n');
  writeFileSync(join(dir, 'src/main.tsx'), main);
  const root = resolve('.');
  const alias = Object.fromEntries(['react', 'react-dom', 'aws-amplify'].map((p) => [p, `${root}/node_modules/${p}`]));
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    `import react from '${root}/node_modules/@vitejs/plugin-react/dist/index.js';
export default { root: '${dir}', plugins: [react()], resolve: { alias: ${JSON.stringify(alias)} }, build: { outDir: '${dir}/dist', target: 'es2022', modulePreload: { polyfill: false } }, logLevel: 'warn' };
`,
  );
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', join(dir, 'vite.config.mjs')], { stdio: 'inherit' });
  return dir;
}

/**
 * The floor: React and the same aws-amplify/auth functions the app uses, a bare form, no UI library.
 * With `pool` (and its endpoint), the form really signs in (USER_SRP_AUTH) and then says so.
 */
export function buildFloor(pool: { userPoolId: string; userPoolClientId: string; userPoolEndpoint?: string } = BENCH_POOL): string {
  const functions = amplifyImports();
  return buildComparisonApp(
    'floor',
    `import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { Amplify } from 'aws-amplify';
import { ${functions.join(', ')} } from 'aws-amplify/auth';
Amplify.configure({ Auth: { Cognito: ${JSON.stringify(pool)} } });
const api = [${functions.join(', ')}];
function Floor() {
  const [signedIn, setSignedIn] = useState(false);
  if (signedIn) return <p data-testid="signed-in">Signed in</p>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); const f = new FormData(e.currentTarget); void signIn({ username: String(f.get('username')), password: String(f.get('password')) }).then((r) => r.isSignedIn && setSignedIn(true)); }}>
      <label>Username <input name="username" autoComplete="username" /></label>
      <label>Password <input name="password" type="password" autoComplete="current-password" /></label>
      <button data-api={api.length}>Sign in</button>
    </form>
  );
}
createRoot(document.getElementById('root')!).render(<Floor />);
`,
  );
}

export async function measureBundles() {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const app = firstRouteJs('dist');
  const floorDir = buildFloor();
  try {
    const floor = firstRouteJs(join(floorDir, 'dist'));
    const lazyChunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !app.files.some((a) => a.endsWith(f)));
    const result = {
      appFirstRouteGzipBytes: app.gzipBytes,
      floorGzipBytes: floor.gzipBytes,
      ratio: +(app.gzipBytes / floor.gzipBytes).toFixed(3),
      firstRouteFiles: app.files,
      lazyChunks,
      qrcodeInFirstRoute: app.files.some((f) => readFileSync(join('dist', f.replace(/^\//, '')), 'utf8').includes('qrcode')),
    };
    console.log(`first route JS: ${(app.gzipBytes / 1024).toFixed(1)} KiB gzip; floor (React + the same Amplify auth calls): ${(floor.gzipBytes / 1024).toFixed(1)} KiB; ratio ${result.ratio}`);
    return result;
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
}
