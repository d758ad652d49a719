import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

/** npm run build:lib really produces an installable ESM package with types and peer dependencies. */
describe('library build', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:lib'], { stdio: 'pipe' });
  }, 120_000);

  it('writes package.json with react, react-dom and aws-amplify as peers', () => {
    const pkg = JSON.parse(readFileSync('dist-lib/package.json', 'utf8'));
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['aws-amplify', 'react', 'react-dom']);
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({ types: './types/lib.d.ts', import: './index.js' });
    expect(existsSync('dist-lib/style.css')).toBe(true);
    // A README, a licence field and a LICENSE file (the licence itself is the owners' choice: UNLICENSED until then).
    expect(pkg.license).toBe('UNLICENSED');
    expect(existsSync('dist-lib/README.md') && existsSync('dist-lib/LICENSE')).toBe(true);
    expect(pkg.peerDependencies.react).toBe('>=18.2 <20');
  });

  it('declares the components, the machine and the adapter, with no CSS import in the types', () => {
    const types = readFileSync('dist-lib/types/lib.d.ts', 'utf8');
    expect(types).not.toMatch(/\.css['"]/);
    // Only the public API's declarations: no internal screens or components.
    for (const internal of ['screens', 'components', 'react']) expect(existsSync(`dist-lib/types/${internal}`)).toBe(false);
    for (const name of ['SignIn', 'AccountSecurity', 'createAuthMachine', 'createSecurityMachine', 'createAmplifyAuthApi', 'SignInProps']) expect(types).toContain(name);
  });

  it('keeps account security and the QR code out of what a host loads for <SignIn> alone', () => {
    // The files a host loads up front: index.js and what it imports statically, transitively.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = readFileSync(`dist-lib/${file}`, 'utf8');
      for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
    };
    visit('index.js');
    const upFront = [...loaded].map((f) => readFileSync(`dist-lib/${f}`, 'utf8')).join('\n');
    expect(upFront).not.toMatch(/from\s*["']qrcode\.react["']/);
    // …while a lazily loaded chunk has it.
    const all = readdirSync('dist-lib').filter((f) => f.endsWith('.js'));
    expect(all.some((f) => !loaded.has(f) && /from\s*["']qrcode\.react["']/.test(readFileSync(`dist-lib/${f}`, 'utf8')))).toBe(true);
  });

  it('imports its peers instead of bundling them', () => {
    const js = readdirSync('dist-lib')
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(`dist-lib/${f}`, 'utf8'))
      .join('\n');
    expect(js).toMatch(/from "react"/);
    expect(js).toMatch(/from "aws-amplify\/auth"/);
    expect(js).not.toContain('react.production');
    expect(js).not.toContain('__SECRET_INTERNALS');
  });
});
