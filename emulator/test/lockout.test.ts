/**
 * Cognito's lockout: "Amazon Cognito locks out a user after five failed sign-in attempts" with a
 * lock that grows with further failures (developer guide, "User sign-in: Amazon Cognito user pool
 * sign-in lockout"). A right password never counts: one user signed in by many clients at once
 * (service accounts, several tabs, load tests) must never be locked out by its own successes.
 */
import { ChangePasswordCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolNameOf } from '../services/users.js';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { advanceClock, type Harness, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());

const WRONG = 'Wrong-Passw0rd!';
const CLIENTS = 32;

const passwordAuth = (clientId: string, username: string, password = PASSWORD) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));

/** A full USER_SRP_AUTH sign-in: InitiateAuth, then the PASSWORD_VERIFIER answer computed from `password`. */
async function srpAuth(poolId: string, clientId: string, username: string, password = PASSWORD) {
  const srp = new SrpClient(poolNameOf(poolId));
  const start = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, SRP_A: srp.srpA } }));
  return h.sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: srp.respond(start.ChallengeParameters!, password, new Date(h.emulator.clock.now())),
    }),
  );
}

/** Runs `n` sign-ins at once and counts their outcomes by Cognito's message. */
async function concurrently(n: number, signIn: () => Promise<{ AuthenticationResult?: unknown }>): Promise<Record<string, number>> {
  const outcomes = await Promise.all(Array.from({ length: n }, () => signIn().then((r) => (r.AuthenticationResult ? 'signed in' : 'challenge'), (e: Error) => e.message)));
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

describe.each([
  ['USER_PASSWORD_AUTH', (poolId: string, clientId: string, user: string, password?: string) => passwordAuth(clientId, user, password)],
  ['USER_SRP_AUTH', srpAuth],
] as const)('lockout with %s', (flow, signIn) => {
  it(`signs one user in from ${CLIENTS} clients at once with the right password, refusing none`, async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'busy');
    expect(await concurrently(CLIENTS, () => signIn(poolId, clientId, 'busy'))).toEqual({ 'signed in': CLIENTS });
    // …and a second wave, after four wrong guesses: successes cleared nothing they shouldn't have.
    for (let i = 0; i < 4; i++) await expectCognitoError(signIn(poolId, clientId, 'busy', WRONG), 'NotAuthorizedException', 'Incorrect username or password.');
    expect(await concurrently(CLIENTS, () => signIn(poolId, clientId, 'busy'))).toEqual({ 'signed in': CLIENTS });
    // The right password cleared the four failures: four more wrong guesses still don't lock.
    for (let i = 0; i < 4; i++) await expectCognitoError(signIn(poolId, clientId, 'busy', WRONG), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await signIn(poolId, clientId, 'busy')).AuthenticationResult).toBeTruthy();
  });

  it(`checks at most five of ${CLIENTS} parallel wrong guesses and refuses the rest`, async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'guessed');
    // A refused guess was never checked: exactly five answers say "incorrect", the others "attempts exceeded".
    expect(await concurrently(CLIENTS, () => signIn(poolId, clientId, 'guessed', WRONG))).toEqual({
      'Incorrect username or password.': 5,
      'Password attempts exceeded': CLIENTS - 5,
    });
    await expectCognitoError(signIn(poolId, clientId, 'guessed'), 'NotAuthorizedException', 'Password attempts exceeded');
  });

  it(`locks only after five counted failures when ${CLIENTS} right and wrong passwords arrive mixed`, async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'mixed');
    const counts = await concurrently(CLIENTS, (() => {
      let i = 0;
      return () => signIn(poolId, clientId, 'mixed', i++ % 2 ? WRONG : PASSWORD);
    })());
    const wrong = counts['Incorrect username or password.'] ?? 0;
    const refused = counts['Password attempts exceeded'] ?? 0;
    expect(wrong).toBeLessThanOrEqual(CLIENTS / 2);
    expect((counts['signed in'] ?? 0) + wrong + refused).toBe(CLIENTS);
    // Which requests win the race varies; what never varies: a lock needs five counted failures.
    if (refused > 0) expect(wrong).toBeGreaterThanOrEqual(5);
  });
});

describe('lock duration', () => {
  it('locks the user after five wrong passwords, for a minute, then doubles with each further failure', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'target');
    for (let i = 0; i < 5; i++) await expectCognitoError(passwordAuth(clientId, 'target', WRONG), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectCognitoError(passwordAuth(clientId, 'target'), 'NotAuthorizedException', 'Password attempts exceeded');
    await advanceClock(h.emulator, 61);
    await expectCognitoError(passwordAuth(clientId, 'target', WRONG), 'NotAuthorizedException', 'Incorrect username or password.');
    await advanceClock(h.emulator, 61);
    await expectCognitoError(passwordAuth(clientId, 'target'), 'NotAuthorizedException', 'Password attempts exceeded');
    await advanceClock(h.emulator, 60);
    expect((await passwordAuth(clientId, 'target')).AuthenticationResult).toBeTruthy();
  });
});

describe('ChangePassword with wrong previous passwords', () => {
  // Cognito answers this with LimitExceededException ("Attempt limit exceeded, please try after some time."),
  // unlike a sign-in's NotAuthorizedException (API reference, ChangePassword: Errors).
  it('answers LimitExceededException once the attempts are used up', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'changer');
    const token = (await passwordAuth(clientId, 'changer')).AuthenticationResult!.AccessToken!;
    const change = (previous: string) => h.sdk.send(new ChangePasswordCommand({ AccessToken: token, PreviousPassword: previous, ProposedPassword: 'Another-Passw0rd!' }));
    for (let i = 0; i < 5; i++) await expectCognitoError(change(WRONG), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectCognitoError(change(PASSWORD), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  });
});
