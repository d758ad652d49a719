import { clientUserRequest, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError } from '../errors.js';
import { issueAccountCode, recoveryDestination, simulatedDelivery } from '../services/account-codes.js';
import type { CodeDeliveryDetails } from '../services/attributes.js';
import { unknownUser } from '../services/users.js';

/**
 * A reset code (1 hour) to the first verified recovery mechanism. Neither e-mail nor phone verified:
 * "Cannot reset password for the user as there is no registered/verified email or phone_number".
 */
export const ForgotPassword: Operation = (svc, body) => {
  const { client, pool, username, user } = clientUserRequest(svc, body);
  if (!user) {
    if (client.preventUserExistenceErrors === 'ENABLED') return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw unknownUser(client);
  }
  // Reported for federated users (amplify-js issue 2383): their password is the identity provider's.
  if (user.status === 'EXTERNAL_PROVIDER') throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  const destination = recoveryDestination(pool, user);
  let delivery: CodeDeliveryDetails | undefined;
  updateUser(svc, pool, user.username, (u) => void (delivery = issueAccountCode(svc, pool, u, 'reset', destination)));
  return { CodeDeliveryDetails: delivery };
};
