import type { Operation, Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { applyAttributes } from '../services/attributes.js';
import { codesEqual } from '../services/codes.js';
import type { ClientRecord, FirstFactorChallenge, MfaFactor, PoolRecord, UserRecord } from '../services/model.js';
import { startFirstFactor } from '../services/user-auth.js';
import { verifyAssertion } from '../services/webauthn.js';
import { setAttribute } from '../services/model.js';
import { answerPasswordVerifier } from '../services/password-sign-in.js';
import { answerCustomChallenge } from '../services/custom-auth.js';
import type { OpenSession } from '../services/sessions.js';
import { afterFirstFactor, missingRequiredAttributes, sendEmailCode, type SignInAuth, type SignInStep, startFactor, tokens } from '../services/sign-in.js';
import { answerDevicePasswordVerifier, startDeviceSrp } from '../services/device-sign-in.js';
import { EMAIL } from '../services/attributes.js';
import { acceptTotpCode, totpReused } from '../services/totp.js';
import { checkPasswordPolicy, checkSecretHash, findUser, passwordVerifier, requireClient } from '../services/users.js';
import { updateUser } from '../access.js';
import { CLIENT_ID, optObject, optString, optStringMap, reqString } from '../validate.js';

const codeMismatch = () => new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');

/** Challenge answers after the first one: each consumes its session and gets a new one, or tokens. */
export async function answerChallenge(svc: Services, pool: PoolRecord, client: ClientRecord, name: string, responses: Map<string, string>, token: string | undefined): Promise<SignInStep> {
  if (name === 'PASSWORD_VERIFIER') return answerPasswordVerifier(svc, pool, client, responses);
  const session = svc.sessions.open(token, client);
  const { record } = session;
  const { state } = record;
  if (state.step !== name) throw invalidParameter(`Invalid challenge name ${name.slice(0, 64)}: the session expects ${state.step}.`);
  if (state.step === 'CUSTOM_CHALLENGE') return answerCustomChallenge(svc, pool, client, session, responses);
  const username = responses.get('USERNAME');
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  const user = svc.store.getUser(pool.id, record.username);
  // USER_AUTH for a user that does not exist (PreventUserExistenceErrors ENABLED): answered as a
  // known user's would be, without telling.
  if (!user && record.username === username) {
    checkSecretHash(client, username, responses.get('SECRET_HASH'));
    if (state.step === 'SELECT_CHALLENGE' && state.unknown) return answerSelectChallenge(svc, pool, client, session, username, undefined, state.available, responses);
    if (state.step === 'EMAIL_OTP' || state.step === 'SMS_OTP') throw svc.sessions.fail(session, codeMismatch());
  }
  // USERNAME may be the username, the sub, or the e-mail / phone / alias the user signed in with.
  if (!user || findUser(svc.store, pool, username)?.username !== user.username) throw invalidSession(svc, session);
  checkSecretHash(client, username, responses.get('SECRET_HASH'));
  const auth: SignInAuth = { authTime: record.authTime, deviceKey: record.deviceKey };

  switch (state.step) {
    case 'NEW_PASSWORD_REQUIRED': {
      const password = responses.get('NEW_PASSWORD');
      if (!password) throw invalidParameter('Missing required parameter NEW_PASSWORD');
      checkPasswordPolicy(pool.passwordPolicy, password);
      const attributes = [...responses].filter(([k]) => k.startsWith('userAttributes.')).map(([k, v]) => ({ Name: k.slice('userAttributes.'.length), Value: v }));
      // Checked on a copy first, so a missing attribute leaves the session usable for another try.
      const preview = structuredClone(user);
      applyAttributes(pool, preview, attributes, false);
      const missing = missingRequiredAttributes(pool, preview);
      if (missing.length) throw invalidParameter(`Invalid attributes given, ${missing.join(', ')} is missing`);
      const verifier = await passwordVerifier(pool, user.username, password);
      svc.sessions.consume(session);
      const updated = updateUser(svc, pool, user.username, (u) => {
        applyAttributes(pool, u, attributes, false);
        u.password = verifier;
        u.status = 'CONFIRMED';
        u.temporaryPasswordExpiresAt = undefined;
      });
      return afterFirstFactor(svc, pool, client, updated, { ...auth, newPassword: true });
    }
    case 'SMS_MFA':
    case 'SMS_OTP': {
      const answer = responses.get(state.step === 'SMS_MFA' ? 'SMS_MFA_CODE' : 'SMS_OTP_CODE') ?? '';
      if (!codesEqual(state.code, answer)) throw svc.sessions.fail(session, codeMismatch());
      svc.sessions.consume(session);
      // A successful SMS code proves the number: Cognito marks it verified.
      const updated = updateUser(svc, pool, user.username, (u) => setAttribute(u, 'phone_number_verified', 'true'));
      return tokens(svc, pool, client, updated, auth);
    }
    case 'SOFTWARE_TOKEN_MFA': {
      const code = responses.get('SOFTWARE_TOKEN_MFA_CODE') ?? '';
      let result: ReturnType<typeof acceptTotpCode>;
      updateUser(svc, pool, user.username, (u) => {
        result = u.totpSecret ? acceptTotpCode(u.totpSecret, code, svc.clock.now(), u.totpLastStep) : undefined;
        if (typeof result === 'number') u.totpLastStep = result;
      });
      if (result === 'reused') throw svc.sessions.fail(session, totpReused());
      if (result === undefined) throw svc.sessions.fail(session, codeMismatch());
      svc.sessions.consume(session);
      return tokens(svc, pool, client, user, auth);
    }
    case 'SELECT_MFA_TYPE': {
      const answer = responses.get('ANSWER') as MfaFactor | undefined;
      if (!answer || !state.choices.includes(answer)) throw invalidParameter(`ANSWER must be one of ${state.choices.join(', ')}`);
      svc.sessions.consume(session);
      return startFactor(svc, pool, client, user, auth, answer);
    }
    case 'EMAIL_OTP': {
      if (!codesEqual(state.code, responses.get('EMAIL_OTP_CODE') ?? '')) throw svc.sessions.fail(session, codeMismatch());
      svc.sessions.consume(session);
      const { setupEmail } = state;
      // Set up in MFA_SETUP: the code proved the address, which becomes the user's, with e-mail MFA on.
      const updated = setupEmail
        ? updateUser(svc, pool, user.username, (u) => {
            setAttribute(u, 'email', setupEmail);
            setAttribute(u, 'email_verified', 'true');
            u.emailMfaEnabled = true;
          })
        : user;
      return tokens(svc, pool, client, updated, auth);
    }
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(svc, pool, client, session, username, user, state.available, responses);
    case 'WEB_AUTHN': {
      const proof = await verifyAssertion(pool, user, state.challenge, responses.get('CREDENTIAL')).catch((e: unknown) => {
        throw e instanceof CognitoError ? svc.sessions.fail(session, e) : e;
      });
      svc.sessions.consume(session);
      const updated = updateUser(svc, pool, user.username, (u) => {
        const credential = u.webAuthnCredentials?.find((c) => c.id === proof.id);
        if (credential) credential.counter = proof.counter;
      });
      return tokens(svc, pool, client, updated, auth);
    }
    case 'DEVICE_SRP_AUTH':
      return startDeviceSrp(svc, client, user, session, state.deviceKey, responses);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(svc, pool, client, user, session, state, responses);
    case 'MFA_SETUP': {
      const email = responses.get('EMAIL');
      if (email !== undefined) {
        if (!state.canSetup.includes('EMAIL_OTP')) throw invalidParameter('Email MFA is not enabled for this user pool.');
        if (!EMAIL.test(email)) throw invalidParameter('Invalid email address format.');
        svc.sessions.consume(session);
        return sendEmailCode(svc, pool, client, user, auth, email, true);
      }
      if (!state.verified) throw invalidParameter('Software token MFA has not been verified: call VerifySoftwareToken with this session first.');
      svc.sessions.consume(session);
      return tokens(svc, pool, client, user, auth);
    }
    default:
      throw invalidParameter(`Unsupported challenge ${name.slice(0, 64)}`);
  }
}

/** SELECT_CHALLENGE: ANSWER is one of the offered first factors (with PASSWORD or SRP_A for the password ones). */
function answerSelectChallenge(
  svc: Services,
  pool: PoolRecord,
  client: ClientRecord,
  session: OpenSession,
  username: string,
  user: UserRecord | undefined,
  available: FirstFactorChallenge[],
  responses: Map<string, string>,
): Promise<SignInStep> {
  const answer = responses.get('ANSWER');
  if (!answer || !available.includes(answer as FirstFactorChallenge)) throw invalidParameter(`ANSWER must be one of ${available.join(', ')}`);
  svc.sessions.consume(session);
  return startFirstFactor(svc, pool, client, user?.username ?? username, user, answer as FirstFactorChallenge, responses);
}

function invalidSession(svc: Services, session: OpenSession): CognitoError {
  svc.sessions.consume(session);
  return new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
}

export const RespondToAuthChallenge: Operation = async (svc, body) => {
  const clientId = reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID });
  const name = reqString(body, 'ChallengeName', { max: 64 });
  const responses = optStringMap(body, 'ChallengeResponses') ?? new Map<string, string>();
  const token = optString(body, 'Session', { min: 20, max: 2048 });
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  const { client, pool } = requireClient(svc.store, clientId);
  return answerChallenge(svc, pool, client, name, responses, token);
};
