import { updateUser, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, notAuthorized } from '../errors.js';
import { checkAccountCode } from '../services/account-codes.js';
import { setAttribute } from '../services/model.js';
import { checkSecretHash, findUser, requireClient, unknownUser } from '../services/users.js';
import { CLIENT_ID, optBoolean, optObject, optString, optStringMap, reqString } from '../validate.js';

/** Confirms a signed-up user with the code (24 hours, five tries) and verifies the attribute it went to. */
export const ConfirmSignUp: Operation = (svc, body) => {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const username = usernameParam(body);
  const code = reqString(body, 'ConfirmationCode', { max: 2048, pattern: /^[\S]+$/ });
  optBoolean(body, 'ForceAliasCreation');
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  checkSecretHash(client, username, optString(body, 'SecretHash', { max: 128 }));
  const user = findUser(svc.store, pool, username);
  // ENABLED: an unknown user fails as a wrong code would.
  if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.') : unknownUser(client);
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  let failure: CognitoError | undefined;
  updateUser(svc, pool, user.username, (u) => {
    const { attribute, error } = checkAccountCode(svc, u, 'signUp', code);
    failure = error;
    if (error) return;
    u.status = 'CONFIRMED';
    if (attribute) setAttribute(u, `${attribute}_verified`, 'true');
  });
  if (failure) throw failure;
  return {};
};
