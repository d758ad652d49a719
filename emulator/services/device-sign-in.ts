/**
 * Device SRP: DEVICE_SRP_AUTH (the client's SRP_A) → DEVICE_PASSWORD_VERIFIER (its proof), as
 * Amplify v6 (handleDeviceSRPAuth) and amazon-cognito-identity-js (getDeviceResponse) run it.
 */
import { randomBytes } from 'node:crypto';
import type { Services } from '../context.js';
import { badCredentials, invalidParameter } from '../errors.js';
import { type ConfirmedDevice, confirmedDevice, deviceNotFound } from './devices.js';
import type { ChallengeState, ClientRecord, PoolRecord, UserRecord } from './model.js';
import type { OpenSession } from './sessions.js';
import { challenge, type SignInStep, tokens } from './sign-in.js';
import { createServerEphemeral, isSrpTimestamp, parseClientA, verifyPasswordClaim } from './srp.js';

function sameDevice(user: UserRecord, expected: string, given: string | undefined): ConfirmedDevice {
  if (given !== expected) throw invalidParameter('DEVICE_KEY does not match the device of this sign-in.');
  const device = confirmedDevice(user, expected);
  if (!device) throw deviceNotFound();
  return device;
}

export async function startDeviceSrp(svc: Services, client: ClientRecord, user: UserRecord, session: OpenSession, deviceKey: string, responses: Map<string, string>): Promise<SignInStep> {
  const device = sameDevice(user, deviceKey, responses.get('DEVICE_KEY'));
  const A = parseClientA(responses.get('SRP_A') ?? '');
  if (A === undefined) throw invalidParameter('Invalid SRP_A value.');
  svc.sessions.consume(session);
  const ephemeral = await createServerEphemeral(device.verifier.verifier);
  const secretBlock = randomBytes(64).toString('base64');
  const auth = { authTime: session.record.authTime, deviceKey };
  return challenge(svc, client, user, auth, { step: 'DEVICE_PASSWORD_VERIFIER', deviceKey, A: A.toString(16), b: ephemeral.b, B: ephemeral.B, secretBlock }, 'DEVICE_PASSWORD_VERIFIER', {
    SRP_B: ephemeral.B,
    SALT: device.verifier.salt,
    SECRET_BLOCK: secretBlock,
    USERNAME: user.username,
    DEVICE_KEY: deviceKey,
  });
}

export async function answerDevicePasswordVerifier(
  svc: Services,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  session: OpenSession,
  state: Extract<ChallengeState, { step: 'DEVICE_PASSWORD_VERIFIER' }>,
  responses: Map<string, string>,
): Promise<SignInStep> {
  const device = sameDevice(user, state.deviceKey, responses.get('DEVICE_KEY'));
  const secretBlock = responses.get('PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = responses.get('PASSWORD_CLAIM_SIGNATURE');
  const timestamp = responses.get('TIMESTAMP');
  if (!secretBlock || !signature || !timestamp) throw invalidParameter('Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE or TIMESTAMP');
  if (!isSrpTimestamp(timestamp)) throw invalidParameter('Invalid TIMESTAMP format.');
  const ok =
    secretBlock === state.secretBlock &&
    (await verifyPasswordClaim({
      A: BigInt(`0x${state.A}`),
      ephemeral: { b: state.b, B: state.B },
      verifierHex: device.verifier.verifier,
      poolName: user.deviceGroupKey ?? '',
      userId: device.key,
      secretBlock,
      timestamp,
      signature,
    }));
  if (!ok) throw svc.sessions.fail(session, badCredentials());
  svc.sessions.consume(session);
  return tokens(svc, pool, client, user, { authTime: session.record.authTime, deviceKey: device.key, deviceProven: true });
}
