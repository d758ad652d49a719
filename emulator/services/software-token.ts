/** Shared by AssociateSoftwareToken and VerifySoftwareToken: who is asking (access token or sign-in session). */
import { tokenUser } from '../access.js';
import type { Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import type { ClientRecord, PoolRecord } from './model.js';
import type { OpenSession } from './sessions.js';
import { requireClient } from './users.js';
import { type Body, optString } from '../validate.js';

export type SoftwareTokenCaller =
  | { kind: 'token'; pool: PoolRecord; username: string }
  | { kind: 'session'; pool: PoolRecord; client: ClientRecord; session: OpenSession };

export const totpNotEnabled = () => new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');

/** AccessToken or Session, not both. A session must be an MFA_SETUP one from a sign-in that may set up TOTP. */
export async function softwareTokenCaller(svc: Services, body: Body): Promise<SoftwareTokenCaller> {
  const accessToken = optString(body, 'AccessToken', { max: 8192 });
  const sessionToken = optString(body, 'Session', { min: 20, max: 2048 });
  if ((accessToken === undefined) === (sessionToken === undefined)) throw invalidParameter('Exactly one of AccessToken or Session must be provided.');
  let caller: SoftwareTokenCaller;
  if (accessToken !== undefined) {
    const { pool, user } = await tokenUser(svc, body);
    caller = { kind: 'token', pool, username: user.username };
  } else {
    const session = findSetupSession(svc, sessionToken!);
    const { client, pool } = requireClient(svc.store, session.record.clientId);
    caller = { kind: 'session', pool, client, session };
  }
  if (!caller.pool.softwareTokenMfaEnabled) throw totpNotEnabled();
  return caller;
}

function findSetupSession(svc: Services, token: string): OpenSession {
  const session = svc.sessions.openAnyClient(token);
  const { state } = session.record;
  if (state.step !== 'MFA_SETUP' || !state.canSetup.includes('SOFTWARE_TOKEN_MFA')) {
    throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
  }
  return session;
}
