import { clientUserRequest, unknownAtCodeCheck, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { type CognitoError, notAuthorized } from '../errors.js';
import { checkAccountCode } from '../services/account-codes.js';
import { setAttribute } from '../services/model.js';
import { postConfirmation } from '../services/trigger-events.js';
import { optBoolean, reqString } from '../validate.js';

/**
 * Confirms a signed-up user with the code (24 hours, five tries) and verifies the attribute it went
 * to; then the PostConfirmation trigger (its failure is the caller's error; the user stays confirmed).
 */
export const ConfirmSignUp: Operation = async (svc, body) => {
  const code = reqString(body, 'ConfirmationCode', { max: 2048, pattern: /^[\S]+$/ });
  optBoolean(body, 'ForceAliasCreation');
  const { client, pool, user } = clientUserRequest(svc, body);
  if (!user) throw unknownAtCodeCheck(client);
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  let failure: CognitoError | undefined;
  const confirmed = updateUser(svc, pool, user.username, (u) => {
    const { attribute, error } = checkAccountCode(svc, u, 'signUp', code);
    failure = error;
    if (error) return;
    u.status = 'CONFIRMED';
    if (attribute) setAttribute(u, `${attribute}_verified`, 'true');
  });
  if (failure) throw failure;
  await postConfirmation(svc, pool, 'PostConfirmation_ConfirmSignUp', confirmed, client.id);
  return {};
};
