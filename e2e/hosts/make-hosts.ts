/**
 * Two fresh host apps, as a team adopting the library makes them: Vite + React + TypeScript, one
 * on React 18 and one on React 19, each installing the packed library (npm run build:lib, npm
 * pack) and nothing else of this repository. Each configures Amplify with another category first
 * and puts <SignIn> inside its own <main>. They are type-checked strictly (no skipLibCheck, no
 * bundler client types) and built; the e2e spec and the bench use the builds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));

export const HOSTS = { react18: { react: '18.3.1', types: '18.3.8', domTypes: '18.3.7' }, react19: { react: '', types: '', domTypes: '' } } as const;
export type HostName = keyof typeof HOSTS;

const MAIN_TSX = `import { Amplify } from 'aws-amplify';
import { SignIn, type LibraryConfig } from 'cognito-mfa-signin';
import 'cognito-mfa-signin/style.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The host's own Amplify set-up comes first: the sign-in must keep it.
Amplify.configure({ API: { REST: { orders: { endpoint: 'https://api.example.com/orders', region: 'us-east-1' } } } });

function Host({ config }: { config: LibraryConfig }) {
  const [user, setUser] = useState<string | null>(null);
  return (
    <main>
      <h1>Host dashboard</h1>
      {user ? (
        <p data-testid="host-user">
          {user}: {Object.keys(Amplify.getConfig()).sort().join(',')}
        </p>
      ) : (
        <SignIn config={{ ...config }} onSignedIn={(u) => setUser(u.username)} />
      )}
    </main>
  );
}

void fetch('/config.json')
  .then((res) => res.json() as Promise<LibraryConfig>)
  .then((config) =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Host config={config} />
      </StrictMode>,
    ),
  );
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    // Node's types only because Amplify's own declarations (@smithy/types) need them; no bundler's client types.
    types: ['node'],
  },
  include: ['src'],
};

/** Builds and packs the library, then makes (or refreshes) the two hosts under `root`; returns their dist folders. */
export function makeHosts(root: string): Record<HostName, string> {
  execFileSync(npm, ['run', '--silent', 'build:lib'], { cwd: repo, stdio: 'pipe', env: cleanEnv() });
  mkdirSync(root, { recursive: true });
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', root], { cwd: join(repo, 'dist-lib'), encoding: 'utf8', env: cleanEnv() })) as { filename: string }[];
  const rootPkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const out = {} as Record<HostName, string>;
  for (const [name, versions] of Object.entries(HOSTS) as [HostName, (typeof HOSTS)[HostName]][]) {
    const dir = join(root, name);
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name: `host-${name}`,
          private: true,
          type: 'module',
          dependencies: {
            'cognito-mfa-signin': `file:../${packed.filename}`,
            react: versions.react || rootPkg.dependencies.react,
            'react-dom': versions.react || rootPkg.dependencies['react-dom'],
            'aws-amplify': rootPkg.dependencies['aws-amplify'],
          },
          devDependencies: {
            vite: rootPkg.devDependencies.vite,
            '@vitejs/plugin-react': rootPkg.devDependencies['@vitejs/plugin-react'],
            typescript: rootPkg.devDependencies.typescript,
            '@types/react': versions.types || rootPkg.devDependencies['@types/react'],
            '@types/react-dom': versions.domTypes || rootPkg.devDependencies['@types/react-dom'],
            '@types/node': rootPkg.devDependencies['@types/node'],
          },
          allowScripts: { esbuild: true },
        },
        null,
        2,
      ),
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8" /><title>Host</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n');
    writeFileSync(join(dir, 'vite.config.js'), "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], build: { target: 'es2022' } };\n");
    writeFileSync(join(dir, 'src', 'main.tsx'), MAIN_TSX);
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'pipe', env: cleanEnv() });
    execFileSync(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
    execFileSync(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe' });
    out[name] = join(dir, 'dist');
  }
  return out;
}

export { cpSync, existsSync };
