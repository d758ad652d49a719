import { clientUserRequest, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { issueAccountCode, prepareAccountCode, signUpDestination, simulatedDelivery } from '../services/account-codes.js';
import type { CodeDeliveryDetails } from '../services/attributes.js';
import { unknownUser } from '../services/users.js';

export const ResendConfirmationCode: Operation = async (svc, body) => {
  const { client, pool, username, user } = clientUserRequest(svc, body);
  if (!user) {
    if (client.preventUserExistenceErrors === 'ENABLED') return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw unknownUser(client);
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const destination = signUpDestination(pool, user);
  if (!destination) throw invalidParameter('Auto verification not turned on.');
  const prepared = await prepareAccountCode(svc, pool, user, destination, 'ResendCode', client.id);
  let delivery: CodeDeliveryDetails | undefined;
  updateUser(svc, pool, user.username, (u) => void (delivery = issueAccountCode(svc, pool, u, 'signUp', prepared)));
  return { CodeDeliveryDetails: delivery };
};
