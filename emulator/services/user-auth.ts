/**
 * Choice-based sign-in (InitiateAuth USER_AUTH): the first factors a user may start with —
 * passkey, e-mail code, SMS code, password (plain or SRP) — as the pool's SignInPolicy allows and the
 * user can use them. A user with MFA gets only the password factors: passwordless first factors and
 * MFA don't combine (DG: "Authentication flows", choice-based sign-in). A passwordless factor ends
 * the sign-in; a password goes on into MFA as in the other flows.
 */
import type { Services } from '../context.js';
import { badCredentials, invalidParameter } from '../errors.js';
import { maskEmail, maskPhone, newSixDigitCode } from './codes.js';
import { nowSeconds } from './clock.js';
import type { ClientRecord, FirstFactorChallenge, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { passwordSignIn, startSrp } from './password-sign-in.js';
import { activeFactors, challenge, sendEmailCode, sendSmsCode, type SignInAuth, type SignInStep } from './sign-in.js';
import { findUser, unknownUser } from './users.js';
import { authenticationOptions } from './webauthn.js';

const ORDER: FirstFactorChallenge[] = ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP'];
const isChallenge = (value: string | undefined): value is FirstFactorChallenge => ORDER.includes(value as FirstFactorChallenge);

/** What this user may start a sign-in with. */
export function availableFirstFactors(pool: PoolRecord, user: UserRecord | undefined): FirstFactorChallenge[] {
  const allowed = pool.allowedFirstAuthFactors ?? ['PASSWORD'];
  const passwordless = user !== undefined && activeFactors(pool, user).length === 0;
  return ORDER.filter((c) => {
    if (c === 'PASSWORD' || c === 'PASSWORD_SRP') return allowed.includes('PASSWORD');
    if (!allowed.includes(c)) return false;
    // An unknown user is offered the codes as a known one would be; passkeys need a registered one.
    if (user === undefined) return c !== 'WEB_AUTHN';
    if (!passwordless) return false;
    if (c === 'EMAIL_OTP') return getAttribute(user, 'email_verified') === 'true' && Boolean(getAttribute(user, 'email'));
    if (c === 'SMS_OTP') return getAttribute(user, 'phone_number_verified') === 'true' && Boolean(getAttribute(user, 'phone_number'));
    return (user.webAuthnCredentials?.length ?? 0) > 0;
  });
}

export async function startUserAuth(svc: Services, pool: PoolRecord, client: ClientRecord, params: Map<string, string>): Promise<SignInStep> {
  const username = params.get('USERNAME');
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  const user = findUser(svc.store, pool, username);
  if (!user && client.preventUserExistenceErrors !== 'ENABLED') throw unknownUser(client);
  const available = availableFirstFactors(pool, user);
  const preferred = params.get('PREFERRED_CHALLENGE');
  if (preferred !== undefined && !isChallenge(preferred)) throw invalidParameter(`Invalid PREFERRED_CHALLENGE ${preferred.slice(0, 32)}.`);
  if (preferred && available.includes(preferred)) return startFirstFactor(svc, pool, client, username, user, preferred, params);
  const auth: SignInAuth = { authTime: nowSeconds(svc.clock) };
  const userId = user?.username ?? username;
  const Session = svc.sessions.create(client, userId, auth, { step: 'SELECT_CHALLENGE', available, ...(user ? {} : { unknown: true }) });
  return { ChallengeName: 'SELECT_CHALLENGE', Session, ChallengeParameters: {}, AvailableChallenges: available };
}

/** SELECT_CHALLENGE answered (or PREFERRED_CHALLENGE given): the chosen factor's first step. */
export async function startFirstFactor(
  svc: Services,
  pool: PoolRecord,
  client: ClientRecord,
  username: string,
  user: UserRecord | undefined,
  factor: FirstFactorChallenge,
  params: Map<string, string>,
): Promise<SignInStep> {
  const auth: SignInAuth = { authTime: nowSeconds(svc.clock) };
  switch (factor) {
    case 'PASSWORD': {
      const password = params.get('PASSWORD');
      if (!password) throw invalidParameter('Missing required parameter PASSWORD');
      return passwordSignIn(svc, pool, client, username, password);
    }
    case 'PASSWORD_SRP': {
      const srpA = params.get('SRP_A');
      if (!srpA) throw invalidParameter('Missing required parameter SRP_A');
      return startSrp(svc, pool, client, username, srpA);
    }
    case 'EMAIL_OTP': {
      // An unknown user (PreventUserExistenceErrors) gets the same answer; no code goes anywhere.
      if (!user) return fakeCode(svc, client, username, 'EMAIL_OTP', 'EMAIL', maskEmail(`${username}@example.com`));
      return sendEmailCode(svc, pool, client, user, auth, getAttribute(user, 'email')!);
    }
    case 'SMS_OTP': {
      if (!user) return fakeCode(svc, client, username, 'SMS_OTP', 'SMS', '+*******0000');
      const phone = getAttribute(user, 'phone_number')!;
      const code = await sendSmsCode(svc, pool, client, user, phone);
      return challenge(svc, client, user, auth, { step: 'SMS_OTP', code }, 'SMS_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: maskPhone(phone) });
    }
    case 'WEB_AUTHN': {
      if (!user) throw badCredentials();
      const { options, challenge: webAuthnChallenge } = await authenticationOptions(pool, user);
      return challenge(svc, client, user, auth, { step: 'WEB_AUTHN', challenge: webAuthnChallenge }, 'WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) });
    }
  }
}

function fakeCode(svc: Services, client: ClientRecord, username: string, name: 'EMAIL_OTP' | 'SMS_OTP', medium: string, destination: string): SignInStep {
  // A code nobody has: every answer is a mismatch, as for a known user who typed the wrong one.
  const code = `x${newSixDigitCode()}`;
  const Session = svc.sessions.create(client, username, { authTime: 0 }, name === 'EMAIL_OTP' ? { step: 'EMAIL_OTP', code } : { step: 'SMS_OTP', code });
  return { ChallengeName: name, Session, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: medium, CODE_DELIVERY_DESTINATION: destination, USER_ID_FOR_SRP: username } };
}
