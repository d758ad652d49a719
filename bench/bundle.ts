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

function buildFloor(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-floor-'));
  const functions = amplifyImports();
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n');
  writeFileSync(
    join(dir, 'src/main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { ${functions.join(', ')} } from 'aws-amplify/auth';
Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_x', userPoolClientId: 'x' } } });
const api = [${functions.join(', ')}];
createRoot(document.getElementById('root')!).render(<button onClick={() => console.log(api)}>floor</button>);
`,
  );
  const root = resolve('.');
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    `import react from '${root}/node_modules/@vitejs/plugin-react/dist/index.js';
export default { root: '${dir}', plugins: [react()], resolve: { alias: { react: '${root}/node_modules/react', 'react-dom': '${root}/node_modules/react-dom', 'aws-amplify': '${root}/node_modules/aws-amplify' } }, build: { outDir: '${dir}/dist', target: 'es2022', modulePreload: { polyfill: false } }, logLevel: 'warn' };
`,
  );
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', join(dir, 'vite.config.mjs')], { stdio: 'inherit' });
  return dir;
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
