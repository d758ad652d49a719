#!/usr/bin/env node
/**
 * npm run build:emulator: the emulator compiled to plain JavaScript with type declarations in
 * dist-emulator/, as its own package (`npm pack` there): a `cognito-mfa-emulator` bin with the
 * flags of `npm run emulator`, and the API of emulator/api.ts. No tsx at run time.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-emulator');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.emulator.json')], { stdio: 'inherit', cwd: root });
chmodSync(join(out, 'cli.js'), 0o755);

const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dev = rootPkg.devDependencies;
const pkg = {
  name: 'cognito-mfa-emulator',
  version: rootPkg.version,
  description: 'A local Amazon Cognito user-pool emulator: real SRP, TOTP and SMS/e-mail MFA, sign-up and password reset, RS256 JWTs; for the AWS SDK, Amplify and the AWS CLI.',
  license: 'UNLICENSED',
  type: 'module',
  engines: { node: '>=20' },
  bin: { 'cognito-mfa-emulator': './cli.js' },
  main: './api.js',
  types: './api.d.ts',
  exports: { '.': { types: './api.d.ts', import: './api.js' } },
  files: ['**/*.js', '**/*.d.ts', 'README.md'],
  dependencies: Object.fromEntries(
    ['better-sqlite3', 'jose', 'otpauth', '@simplewebauthn/server', 'openid-client', '@node-saml/node-saml', 'xml-crypto', '@xmldom/xmldom', 'selfsigned'].map((name) => [name, dev[name]]),
  ),
  // better-sqlite3 compiles (or downloads) its native part at install.
  allowScripts: { 'better-sqlite3': true },
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  join(out, 'README.md'),
  `# cognito-mfa-emulator

A local Amazon Cognito user pool for your tests. See the "Use the emulator in your own project"
section of the repository's README for the full story.

\`\`\`sh
npx cognito-mfa-emulator --port 9229 --in-memory     # prints: listening on http://127.0.0.1:9229
\`\`\`

\`\`\`ts
import { startCognitoEmulator } from 'cognito-mfa-emulator';
const cognito = await startCognitoEmulator();            // free port, in-memory store
const { poolId, clientId } = await cognito.createPool({ mfa: 'OPTIONAL' });
await cognito.createUser(poolId, 'ann', { password: 'Correct-Horse-9!' });
// AWS SDK: new CognitoIdentityProviderClient({ endpoint: cognito.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })
await cognito.stop();
\`\`\`
`,
);
console.log(`dist-emulator/ written (${pkg.name}@${pkg.version})`);
