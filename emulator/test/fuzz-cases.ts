/**
 * Property-based fuzzing of the emulator's HTTP surface with fast-check: every operation, with
 * wrong types, missing fields, huge and unicode strings, prototype-pollution keys, invalid JSON,
 * wrong content types, oversized bodies, bogus tokens and sessions. The property: the emulator
 * always answers, never with a 5xx, and every refusal is a Cognito-shaped {__type, message}.
 */
import fc from 'fast-check';
import { operations } from '../targets/index.js';
import { SIGNED_HEADER } from './client.js';

export interface FuzzTarget {
  url: string;
  poolId: string;
  clientId: string;
  accessToken: string;
}

export interface FuzzReport {
  cases: number;
  byStatus: Record<string, number>;
  errorTypes: Record<string, number>;
}

const OPERATIONS = [...Object.keys(operations), 'Bogus', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
const FIELDS = [
  'UserPoolId', 'ClientId', 'Username', 'AuthFlow', 'AuthParameters', 'ChallengeName', 'ChallengeResponses', 'Session', 'AccessToken',
  'UserAttributes', 'Password', 'Permanent', 'TemporaryPassword', 'MessageAction', 'PoolName', 'ClientName', 'GenerateSecret', 'AuthSessionValidity',
  'ExplicitAuthFlows', 'MfaConfiguration', 'SmsMfaConfiguration', 'SoftwareTokenMfaConfiguration', 'SMSMfaSettings', 'SoftwareTokenMfaSettings',
  'UserCode', 'FriendlyDeviceName', 'AttributeName', 'Code', 'PreviousPassword', 'ProposedPassword', 'Token', 'RefreshToken', 'MaxResults',
  'Limit', 'Filter', 'PaginationToken', 'NextToken', 'UserAttributeNames', 'ClientMetadata', 'Policies', '__proto__', 'constructor', 'prototype',
];
const CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.1', 'application/json', 'text/plain', '', 'application/x-www-form-urlencoded'];

function valueArb(target: FuzzTarget): fc.Arbitrary<unknown> {
  const bogusJwt = fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((p) => p.join('.'));
  const leaf = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(target.poolId, target.clientId, target.accessToken, `${target.accessToken}x`, 'us-east-1_AAAAAAAAA', 'USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'ON', 'OPTIONAL', '{####}', '123456'),
    bogusJwt,
    fc.integer({ min: 2048, max: 300_000 }).map((n) => 'x'.repeat(n)),
  );
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 20 })), tie('value'), { maxKeys: 6 }),
  })).value;
}

export function requestArb(target: FuzzTarget) {
  const body = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), valueArb(target), { maxKeys: 8 }).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', 'null', '[]', '"str"', '1e999') },
    { weight: 1, arbitrary: fc.constant('__OVERSIZED__') },
  );
  return fc.record({
    op: fc.constantFrom(...OPERATIONS),
    body,
    contentType: fc.constantFrom(...CONTENT_TYPES),
    signed: fc.boolean(),
  });
}


export async function fuzzEmulator(target: FuzzTarget, numRuns: number, seed?: number): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, byStatus: {}, errorTypes: {} };
  await fc.assert(
    fc.asyncProperty(requestArb(target), async ({ op, body, contentType, signed }) => {
      const payload = body === '__OVERSIZED__' ? JSON.stringify({ Username: 'x'.repeat(1024 * 1024 + 10) }) : body;
      const headers: Record<string, string> = { 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` };
      if (contentType) headers['content-type'] = contentType;
      if (signed) Object.assign(headers, SIGNED_HEADER);
      const res = await fetch(target.url, { method: 'POST', headers, body: payload });
      const text = await res.text();
      report.cases++;
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) throw new Error(`HTTP ${res.status} for ${op}: ${text.slice(0, 300)}`);
      if (res.status === 200) return;
      const json = JSON.parse(text) as { __type?: unknown; message?: unknown };
      if (typeof json.__type !== 'string' || !json.__type.endsWith('Exception') || typeof json.message !== 'string') {
        throw new Error(`not Cognito-shaped (${res.status}) for ${op}: ${text.slice(0, 300)}`);
      }
      report.errorTypes[json.__type] = (report.errorTypes[json.__type] ?? 0) + 1;
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
  return report;
}
