#!/usr/bin/env node
// Writes dist-lib/package.json: the embeddable package, with react, react-dom and aws-amplify as peers.
import { readFileSync, writeFileSync } from 'node:fs';

const root = JSON.parse(readFileSync('package.json', 'utf8'));
const deps = root.dependencies;
const pick = (names) => Object.fromEntries(names.map((n) => [n, deps[n]]));
const pkg = {
  name: 'cognito-mfa-signin',
  version: root.version,
  description: 'Drop-in sign-in and account-security components for Amazon Cognito user pools with MFA (Amplify v6).',
  // No licence has been chosen for publication yet: all rights reserved until one is.
  license: 'UNLICENSED',
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './types/lib.d.ts',
  exports: { '.': { types: './types/lib.d.ts', import: './index.js' }, './style.css': './style.css' },
  sideEffects: ['./style.css', './index.js'],
  peerDependencies: pick(['react', 'react-dom', 'aws-amplify']),
  dependencies: pick(['xstate', '@xstate/react', 'react-hook-form', 'qrcode.react']),
};
writeFileSync('dist-lib/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  'dist-lib/README.md',
  `# cognito-mfa-signin

Sign-in (password, SMS and authenticator-app MFA, MFA set-up, new password, forgotten password,
sign-up) and account-security components for Amazon Cognito user pools, on Amplify v6.

\`\`\`tsx
import { SignIn, AccountSecurity } from 'cognito-mfa-signin';
import 'cognito-mfa-signin/style.css';

<SignIn config={{ userPoolId, userPoolClientId, appName: 'Acme' }} onSignedIn={(user) => …} />
<AccountSecurity config={…} onClose={…} />
\`\`\`

Props: \`config\` (pool, app client, and the options of the sign-in app's config.json), \`locale\`,
\`theme\`, \`colorScheme\` (light, dark, auto), \`headingLevel\`, \`configureAmplify\` (false when the
host configures Amplify itself), \`api\` (another backend adapter). See the repository's README,
section "Embedding (library mode)".
`,
);
console.log('dist-lib/package.json written');
