/**
 * The full sign-in mix (issue: reliability under load): SRP sign-ins, SRP + SMS MFA (code read from
 * the outbox), SRP + TOTP MFA, token refresh and GetUser, from `concurrency` clients for `seconds`.
 */
import { callCognito, totpCode } from '../emulator/test/client.js';
import { BENCH_PASSWORD, percentile } from './load.js';
import { SMS_CONFIGURATION } from '../emulator/seed.js';
import { SrpClient } from '../emulator/test/srp-client.js';

type Kind = 'srp' | 'sms' | 'totp' | 'refresh' | 'getUser';
const WEIGHTS: [Kind, number][] = [
  ['srp', 35],
  ['sms', 20],
  ['totp', 10],
  ['refresh', 20],
  ['getUser', 15],
];

export interface MixPool {
  poolId: string;
  clientId: string;
  plain: string[];
  sms: string[];
  totp: { username: string; secret: string }[];
}

const admin = (url: string, op: string, body: unknown) => callCognito(url, op, body, { signed: true });

export async function setUpMixPool(url: string, counts: { plain: number; sms: number; totp: number }): Promise<MixPool> {
  const { UserPool } = await admin(url, 'CreateUserPool', { PoolName: 'mix' });
  const poolId = UserPool.Id as string;
  await admin(url, 'SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}', SmsConfiguration: SMS_CONFIGURATION }, SoftwareTokenMfaConfiguration: { Enabled: true } });
  const { UserPoolClient } = await admin(url, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'mix', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const clientId = UserPoolClient.ClientId as string;
  const create = async (username: string, phone?: string) => {
    await admin(url, 'AdminCreateUser', { UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', ...(phone ? { UserAttributes: [{ Name: 'phone_number', Value: phone }] } : {}) });
    await admin(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: BENCH_PASSWORD, Permanent: true });
  };
  const pool: MixPool = { poolId, clientId, plain: [], sms: [], totp: [] };
  for (let i = 0; i < counts.plain; i++) await create(`plain-${i}`), pool.plain.push(`plain-${i}`);
  for (let i = 0; i < counts.sms; i++) {
    await create(`sms-${i}`, `+1206555${String(1000 + i).slice(-4)}`);
    await admin(url, 'AdminSetUserMFAPreference', { UserPoolId: poolId, Username: `sms-${i}`, SMSMfaSettings: { Enabled: true } });
    pool.sms.push(`sms-${i}`);
  }
  for (let i = 0; i < counts.totp; i++) {
    const username = `totp-${i}`;
    await create(username);
    const auth = await callCognito(url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: BENCH_PASSWORD } });
    const AccessToken = auth.AuthenticationResult.AccessToken as string;
    const { SecretCode } = await callCognito(url, 'AssociateSoftwareToken', { AccessToken });
    await callCognito(url, 'VerifySoftwareToken', { AccessToken, UserCode: totpCode(SecretCode, Date.now()) });
    // Verified is registered, not enabled (as in Cognito): turn it on.
    await callCognito(url, 'SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true } });
    pool.totp.push({ username, secret: SecretCode });
  }
  return pool;
}

export interface MixResult {
  seconds: number;
  operationsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  firstError?: string;
  byKind: Record<string, { count: number; p50ms: number; p99ms: number }>;
  /** TOTP sign-ins replaced by plain SRP because every TOTP user had used this 30 s step's code. */
  totpSubstituted: number;
}

export async function runMix(url: string, pool: MixPool, concurrency: number, seconds: number): Promise<MixResult> {
  const poolName = pool.poolId.slice(pool.poolId.indexOf('_') + 1);
  const deadline = performance.now() + seconds * 1000;
  const latencies: Record<Kind, number[]> = { srp: [], sms: [], totp: [], refresh: [], getUser: [] };
  // A TOTP code works once: each user uses each 30 s step at most once. Enrolment used the step it
  // happened in; the emulator also accepts the next step's code (±1 drift), so a user is free
  // whenever its last used step is not ahead of now.
  const enrolledStep = Math.floor(Date.now() / 30_000);
  const lastStep = new Map<string, number>(pool.totp.map((u) => [u.username, enrolledStep]));
  // A user in the middle of a sign-in is not picked again: a later step's code arriving first would
  // make the earlier one a replay.
  const inFlight = new Set<string>();
  let errors = 0;
  let firstError: string | undefined;
  let totpSubstituted = 0;
  let rng = 42;
  const random = () => ((rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (): Kind => {
    let r = random() * 100;
    for (const [kind, w] of WEIGHTS) if ((r -= w) < 0) return kind;
    return 'srp';
  };

  async function srpChallenge(srp: SrpClient, username: string) {
    const challenge = await callCognito(url, 'InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: username, SRP_A: srp.srpA } });
    return callCognito(url, 'RespondToAuthChallenge', { ClientId: pool.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(challenge.ChallengeParameters, BENCH_PASSWORD, new Date()) });
  }

  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const srp = new SrpClient(poolName);
      let tokens: { AccessToken: string; RefreshToken: string } | undefined;
      while (performance.now() < deadline) {
        let kind = pick();
        if ((kind === 'refresh' || kind === 'getUser') && !tokens) kind = 'srp';
        let totpUser: { username: string; secret: string } | undefined;
        let totpStep = 0;
        if (kind === 'totp') {
          const now = Math.floor(Date.now() / 30_000);
          totpUser = pool.totp.find((u) => lastStep.get(u.username)! <= now && !inFlight.has(u.username));
          if (totpUser) {
            lastStep.set(totpUser.username, (totpStep = Math.max(lastStep.get(totpUser.username)! + 1, now)));
            inFlight.add(totpUser.username);
          }
          else (kind = 'srp'), totpSubstituted++;
        }
        const t0 = performance.now();
        try {
          if (kind === 'srp') {
            const done = await srpChallenge(srp, pool.plain[i % pool.plain.length]);
            tokens = done.AuthenticationResult;
          } else if (kind === 'sms') {
            const username = pool.sms[i % pool.sms.length];
            const challenge = await srpChallenge(srp, username);
            const [latest] = (await (await fetch(`${url}/_emulator/sms?username=${username}&poolId=${pool.poolId}`)).json()) as { code: string }[];
            const done = await callCognito(url, 'RespondToAuthChallenge', { ClientId: pool.clientId, ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: latest.code } });
            tokens = done.AuthenticationResult;
          } else if (kind === 'totp') {
            const challenge = await srpChallenge(srp, totpUser!.username);
            const done = await callCognito(url, 'RespondToAuthChallenge', {
              ClientId: pool.clientId,
              ChallengeName: 'SOFTWARE_TOKEN_MFA',
              Session: challenge.Session,
              ChallengeResponses: { USERNAME: totpUser!.username, SOFTWARE_TOKEN_MFA_CODE: totpCode(totpUser!.secret, totpStep * 30_000 + 1_000) },
            });
            if (!done.AuthenticationResult) throw new Error('no tokens');
          } else if (kind === 'refresh') {
            const done = await callCognito(url, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: tokens!.RefreshToken });
            tokens = { ...tokens!, AccessToken: done.AuthenticationResult.AccessToken };
          } else {
            await callCognito(url, 'GetUser', { AccessToken: tokens!.AccessToken });
          }
          latencies[kind].push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= `${kind}: ${String(e)}`;
        } finally {
          if (totpUser) inFlight.delete(totpUser.username);
        }
      }
    }),
  );
  const all = Object.values(latencies).flat().sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    Object.entries(latencies).map(([k, v]) => {
      const sorted = v.sort((a, b) => a - b);
      return [k, { count: v.length, p50ms: +percentile(sorted, 50).toFixed(1), p99ms: +percentile(sorted, 99).toFixed(1) }];
    }),
  );
  return {
    seconds,
    operationsPerSecond: +(all.length / seconds).toFixed(1),
    p50ms: +percentile(all, 50).toFixed(1),
    p99ms: +percentile(all, 99).toFixed(1),
    errors,
    ...(firstError ? { firstError } : {}),
    byKind,
    totpSubstituted,
  };
}
