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
console.log('dist-lib/package.json written');
