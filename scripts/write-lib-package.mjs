#!/usr/bin/env node
// Writes dist-lib/package.json: the embeddable package, with react, react-dom and aws-amplify as peers.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

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
  // style.css has (empty) types, so a strict host can import it without its bundler's client types.
  exports: { '.': { types: './types/lib.d.ts', import: './index.js' }, './style.css': { types: './style.css.d.ts', default: './style.css' } },
  sideEffects: ['./style.css', './index.js'],
  // React 18.2 and later (the components use nothing newer); tested with 18 and 19.
  peerDependencies: { react: '>=18.2 <20', 'react-dom': '>=18.2 <20', 'aws-amplify': deps['aws-amplify'] },
  dependencies: pick(['xstate', '@xstate/react', 'react-hook-form', 'qrcode.react']),
};
writeFileSync('dist-lib/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
// Only the public API's declarations ship: the screens, components and React glue are internal
// (tsc emits them because the entry reaches them through lazy imports; no public type refers to them).
for (const internal of ['screens', 'components', 'react']) rmSync(`dist-lib/types/${internal}`, { recursive: true, force: true });
writeFileSync(
  'dist-lib/LICENSE',
  'Copyright (c) the cognito-mfa-signin authors. All rights reserved.\n\nNo licence has been chosen for this package yet ("UNLICENSED" in package.json): until one is, it may not be\nused, copied or redistributed beyond what its owners allow.\n',
);
writeFileSync('dist-lib/style.css.d.ts', '// The stylesheet: imported for its side effect only.\nexport {};\n');
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
