import { updateUser, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { issueAccountCode, signUpDestination, simulatedDelivery } from '../services/account-codes.js';
import type { CodeDeliveryDetails } from '../services/attributes.js';
import { checkSecretHash, findUser, requireClient, unknownUser } from '../services/users.js';
import { CLIENT_ID, optObject, optString, optStringMap, reqString } from '../validate.js';

export const ResendConfirmationCode: Operation = (svc, body) => {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const username = usernameParam(body);
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  checkSecretHash(client, username, optString(body, 'SecretHash', { max: 128 }));
  const user = findUser(svc.store, pool, username);
  if (!user) {
    if (client.preventUserExistenceErrors === 'ENABLED') return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw unknownUser(client);
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const destination = signUpDestination(pool, user);
  if (!destination) throw invalidParameter('Auto verification not turned on.');
  let delivery: CodeDeliveryDetails | undefined;
  updateUser(svc, pool, user.username, (u) => void (delivery = issueAccountCode(svc, pool, u, 'signUp', destination)));
  return { CodeDeliveryDetails: delivery };
};
