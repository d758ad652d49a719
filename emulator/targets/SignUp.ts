import type { Operation } from '../context.js';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import { issueAccountCode, signUpDestination } from '../services/account-codes.js';
import { applyAttributes, type CodeDeliveryDetails } from '../services/attributes.js';
import { getAttribute } from '../services/model.js';
import { checkPasswordPolicy, checkSecretHash, newIdentity, newUser, passwordVerifier, requireClient, requireUnused } from '../services/users.js';
import { updateUser, usernameParam } from '../access.js';
import { CLIENT_ID, optAttributes, optObject, optString, optStringMap, reqString } from '../validate.js';

/**
 * Self-registration: an UNCONFIRMED user, and a confirmation code to an auto-verified attribute
 * (SMS when both phone and e-mail are, shared/reference 001). Without one, the user waits for
 * AdminConfirmSignUp.
 */
export const SignUp: Operation = async (svc, body) => {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const givenUsername = usernameParam(body);
  const password = reqString(body, 'Password', { max: 256 });
  const attributes = optAttributes(body, 'UserAttributes') ?? [];
  optAttributes(body, 'ValidationData');
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
  user.status = 'UNCONFIRMED';
  user.password = await passwordVerifier(pool, user.username, password);
  try {
    svc.store.transaction(() => {
      requireUnused(svc.store, pool, user);
      svc.store.insertUser(pool.id, user);
    });
  } catch (e) {
    // Cognito's wording for SignUp with a taken username.
    if (e instanceof CognitoError && e.type === 'UsernameExistsException' && e.message === 'User account already exists') throw new CognitoError('UsernameExistsException', 'User already exists');
    throw e;
  }
  // The code goes out once the user exists: a refused sign-up sends nothing.
  const destination = signUpDestination(pool, user);
  let delivery: CodeDeliveryDetails | undefined;
  if (destination) updateUser(svc, pool, user.username, (u) => void (delivery = issueAccountCode(svc, pool, u, 'signUp', destination)));
  return { UserConfirmed: false, UserSub: user.sub, ...(delivery ? { CodeDeliveryDetails: delivery } : {}) };
};
