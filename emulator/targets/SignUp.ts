import type { Operation, Services } from '../context.js';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import { prepareAccountCode, recordAccountCode, signUpDestination } from '../services/account-codes.js';
import { deliver } from '../services/custom-message.js';
import { attributeMap, postConfirmation, preSignUp } from '../services/trigger-events.js';
import { claimAliases } from '../services/user-migration.js';
import { applyAttributes, type CodeDeliveryDetails } from '../services/attributes.js';
import { getAttribute, type PoolRecord, setAttribute, type UserRecord } from '../services/model.js';
import { checkPasswordPolicy, checkSecretHash, newIdentity, newUser, passwordVerifier, requireClient, requireUnused } from '../services/users.js';
import { usernameParam } from '../access.js';
import { CLIENT_ID, optAttributes, optObject, optString, optStringMap, reqString } from '../validate.js';

/**
 * Self-registration: an UNCONFIRMED user, and a confirmation code to an auto-verified attribute
 * (SMS when both phone and e-mail are, shared/reference 001). Without one, the user waits for
 * AdminConfirmSignUp. The PreSignUp trigger runs before anything is stored (a throw refuses the
 * sign-up) and may confirm the user and verify the e-mail / phone: a confirmed user gets no code,
 * and PostConfirmation runs (DG, post confirmation: SignUp is among the operations whose
 * ClientMetadata reaches it). The code's message is CustomMessage_SignUp, composed before the write.
 */
export const SignUp: Operation = async (svc, body) => {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const givenUsername = usernameParam(body);
  const password = reqString(body, 'Password', { max: 256 });
  const attributes = optAttributes(body, 'UserAttributes') ?? [];
  const validationData = optAttributes(body, 'ValidationData');
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  checkSecretHash(client, givenUsername, optString(body, 'SecretHash', { max: 128 }));
  if (pool.allowAdminCreateUserOnly) throw notAuthorized('SignUp is not permitted for this user pool');
  checkPasswordPolicy(pool.passwordPolicy, password);
  const identity = newIdentity(pool, givenUsername);
  const user = newUser(identity.username, svc.clock.now(), identity.sub);
  if (attributes.some((a) => a.Name.endsWith('_verified'))) throw invalidParameter('Cannot modify the non-mutable attribute email_verified or phone_number_verified');
  applyAttributes(pool, user, [...identity.attributes, ...attributes], true, true);
  const missing = pool.schema.requiredAttributes.filter((a) => !getAttribute(user, a));
  if (missing.length) throw invalidParameter(`Attributes did not conform to the schema: ${missing.map((a) => `${a}: The attribute ${a} is required`).join(', ')}`);
  // Taken names are refused before the trigger runs (and again in the write).
  requireFreeName(svc, pool, user);
  const outcome = await preSignUp(svc, pool, 'PreSignUp_SignUp', user, { clientId: client.id, validationData: attributeMap(validationData) });
  user.status = outcome.confirm ? 'CONFIRMED' : 'UNCONFIRMED';
  if (outcome.verifyEmail) setAttribute(user, 'email_verified', 'true');
  if (outcome.verifyPhone) setAttribute(user, 'phone_number_verified', 'true');
  user.password = await passwordVerifier(pool, user.username, password);
  const destination = outcome.confirm ? undefined : signUpDestination(pool, user);
  const prepared = destination ? await prepareAccountCode(svc, pool, user, destination, 'SignUp', client.id) : undefined;
  let delivery: CodeDeliveryDetails | undefined;
  try {
    svc.store.transaction(() => {
      requireUnused(svc.store, pool, user);
      // An auto-verified alias moves to this user (DG, pre sign-up autoVerifyEmail / autoVerifyPhone).
      claimAliases(svc, pool, user, true);
      if (prepared) delivery = recordAccountCode(svc, user, 'signUp', prepared);
      svc.store.insertUser(pool.id, user);
    });
  } catch (e) {
    throw signUpError(e);
  }
  // The code goes out once the user exists: a refused sign-up sends nothing.
  if (prepared) deliver(svc, pool, user.username, prepared.message);
  if (outcome.confirm) await postConfirmation(svc, pool, 'PostConfirmation_ConfirmSignUp', user, client.id);
  return { UserConfirmed: outcome.confirm, UserSub: user.sub, ...(delivery ? { CodeDeliveryDetails: delivery } : {}) };
};

/** Cognito's wording for SignUp with a taken username. */
function signUpError(e: unknown): unknown {
  if (e instanceof CognitoError && e.type === 'UsernameExistsException' && e.message === 'User account already exists') return new CognitoError('UsernameExistsException', 'User already exists');
  return e;
}

function requireFreeName(svc: Services, pool: PoolRecord, user: UserRecord): void {
  try {
    requireUnused(svc.store, pool, user);
  } catch (e) {
    throw signUpError(e);
  }
}
