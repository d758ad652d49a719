import { clientUserRequest, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError } from '../errors.js';
import { issueAccountCode, prepareAccountCode, recoveryDestination, simulatedDelivery } from '../services/account-codes.js';
import type { CodeDeliveryDetails } from '../services/attributes.js';
import { migrateUser } from '../services/user-migration.js';
import { unknownUser } from '../services/users.js';

/**
 * A reset code (1 hour) to the first verified recovery mechanism. Neither e-mail nor phone verified:
 * "Cannot reset password for the user as there is no registered/verified email or phone_number".
 * An unknown user may be migrated first (UserMigration_ForgotPassword); the code's message is
 * CustomMessage_ForgotPassword.
 */
export const ForgotPassword: Operation = async (svc, body) => {
  const request = clientUserRequest(svc, body);
  const { client, pool, username } = request;
  // The migrated user needs a verified e-mail or phone to receive the code (DG, migrate user
  // userAttributes): checked before it is stored.
  const user = request.user ?? (await migrateUser(svc, pool, client, username, { source: 'UserMigration_ForgotPassword', check: (u) => void recoveryDestination(pool, u) }));
  if (!user) {
    if (client.preventUserExistenceErrors === 'ENABLED') return { CodeDeliveryDetails: simulatedDelivery(username) };
    throw unknownUser(client);
  }
  // Reported for federated users (amplify-js issue 2383): their password is the identity provider's.
  if (user.status === 'EXTERNAL_PROVIDER') throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  const prepared = await prepareAccountCode(svc, pool, user, recoveryDestination(pool, user), 'ForgotPassword', client.id);
  let delivery: CodeDeliveryDetails | undefined;
  updateUser(svc, pool, user.username, (u) => void (delivery = issueAccountCode(svc, pool, u, 'reset', prepared)));
  return { CodeDeliveryDetails: delivery };
};
