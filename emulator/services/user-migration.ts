/**
 * The UserMigration trigger (DG = developer guide, "Migrate user Lambda trigger" and "Importing users
 * with a user migration Lambda trigger"): a sign-in with a password (USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH, managed login; not SRP, where "the SDK does not send the password to the
 * server") or a ForgotPassword for a user the pool doesn't have asks the function, which answers the
 * user's attributes; Cognito creates the user and goes on as if it had been there.
 */
import type { Services } from '../context.js';
import { CognitoError } from '../errors.js';
import { applyAttributes } from './attributes.js';
import type { ClientRecord, PoolRecord, UserRecord } from './model.js';
import { getAttribute, setAttribute } from './model.js';
import { clientMetadata, metadataField } from './trigger-events.js';
import { hasTrigger, invalidResponse, responseBoolean, responseString, responseStringMap, runTrigger } from './triggers.js';
import { newIdentity, newUser, passwordVerifier, requireUnused } from './users.js';

/**
 * Inside the write: a verified e-mail / phone the pool uses as an alias belongs to one user. With
 * `force` it moves to `user` and the other user's becomes unverified (DG, pre sign-up autoVerifyEmail
 * and migrate user forceAliasCreation); without, AliasExistsException.
 */
export function claimAliases(svc: Services, pool: PoolRecord, user: UserRecord, force: boolean): void {
  for (const alias of pool.aliasAttributes) {
    if (alias !== 'email' && alias !== 'phone_number') continue;
    const value = getAttribute(user, alias);
    if (!value || getAttribute(user, `${alias}_verified`) !== 'true') continue;
    for (const other of svc.store.listUsers(pool.id)) {
      if (other.username === user.username || other.status === 'EXTERNAL_PROVIDER') continue;
      if (getAttribute(other, alias) !== value || getAttribute(other, `${alias}_verified`) !== 'true') continue;
      if (!force) throw new CognitoError('AliasExistsException', `An account with the given ${alias} already exists.`);
      setAttribute(other, `${alias}_verified`, 'false');
      other.lastModifiedAt = svc.clock.now();
      svc.store.updateUser(pool.id, other);
    }
  }
}

export interface Migration {
  source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';
  /** The password typed at sign-in ("It is not set in the forgot-password flow"). */
  password?: string;
  /** Checks the new user before it is stored (ForgotPassword: somewhere to send the code). */
  check?: (user: UserRecord) => void;
}

/**
 * The migrated user, stored; or undefined when the pool has no UserMigration trigger, or the
 * function answered no userAttributes to a client with PreventUserExistenceErrors ENABLED ("Amazon
 * Cognito returns a simulated response for users that don't exist when an empty response was set",
 * DG, "Managing user existence error responses"): the caller answers as for any unknown user. A
 * throw is UserLambdaValidationException "UserMigration failed with error <message>." (what apps
 * show, e.g. "UserMigration failed with error Bad password.").
 */
export async function migrateUser(svc: Services, pool: PoolRecord, client: ClientRecord, username: string, migration: Migration): Promise<UserRecord | undefined> {
  if (!hasTrigger(pool, 'UserMigration')) return undefined;
  const metadata = clientMetadata();
  const response = await runTrigger(svc, pool, 'UserMigration', () => ({
    triggerSource: migration.source,
    userName: username,
    clientId: client.id,
    request: {
      ...(migration.password !== undefined ? { password: migration.password } : {}),
      // "the validation data in the user's sign-in request ... the ClientMetadata parameter in the InitiateAuth and AdminInitiateAuth API actions"
      validationData: metadata ?? {},
      ...metadataField(),
    },
    response: { userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null },
  }));
  const attributes = response && responseStringMap(response, 'userAttributes');
  if (!response || !attributes || Object.keys(attributes).length === 0) {
    if (client.preventUserExistenceErrors === 'ENABLED') return undefined;
    // Apps meet this message when a migration gives no user (the exception's name is not established).
    throw new CognitoError('UserNotFoundException', `Exception migrating user in app client ${client.id}`);
  }
  const finalStatus = responseString(response, 'finalUserStatus') ?? 'CONFIRMED';
  if (finalStatus !== 'CONFIRMED' && finalStatus !== 'RESET_REQUIRED') throw invalidResponse('finalUserStatus must be CONFIRMED or RESET_REQUIRED');
  const action = responseString(response, 'messageAction');
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') throw invalidResponse('messageAction must be SUPPRESS');
  const mediums = response.desiredDeliveryMediums;
  if (mediums !== undefined && mediums !== null && (!Array.isArray(mediums) || mediums.some((m) => m !== 'SMS' && m !== 'EMAIL'))) {
    throw invalidResponse('desiredDeliveryMediums must list SMS and/or EMAIL');
  }
  const forceAlias = responseBoolean(response, 'forceAliasCreation') ?? false;

  const now = svc.clock.now();
  const identity = newIdentity(pool, username);
  const user = newUser(identity.username, now, identity.sub);
  const given = Object.entries(attributes)
    .filter(([name]) => name !== 'sub' && name !== 'username' && !name.startsWith('cognito:'))
    .map(([Name, Value]) => ({ Name, Value }));
  applyAttributes(pool, user, [...identity.attributes, ...given], true, true);
  if (migration.password !== undefined) {
    // "The password strength policy that is configured for the user pool will not be enforced during migration."
    user.password = await passwordVerifier(pool, user.username, migration.password);
    user.status = finalStatus;
  } else {
    // ForgotPassword: no password yet; the reset code sets one (ConfirmForgotPassword confirms the user).
    user.status = 'RESET_REQUIRED';
  }
  migration.check?.(user);
  svc.store.transaction(() => {
    requireUnused(svc.store, pool, user);
    claimAliases(svc, pool, user, forceAlias);
    svc.store.insertUser(pool.id, user);
  });
  return user;
}
