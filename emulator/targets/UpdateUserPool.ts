import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import type { PoolRecord } from '../services/model.js';
import { requirePool } from '../services/users.js';
import { optString } from '../validate.js';
import { checkPool, POOL_NAME, readPoolSettings } from './CreateUserPool.js';

/**
 * UpdateUserPool (API reference): the pool's settings as CreateUserPool reads them, each left out
 * returning to its default, as Cognito does. What can only be set at creation (the username and
 * alias attributes, the schema) stays; so do the MFA factors SetUserPoolMfaConfig manages, unless
 * MFA is turned off, which turns them off with it (ours: Cognito refuses an OFF pool with a factor).
 */
export const UpdateUserPool: Operation = (svc, body, request) => {
  const { id } = adminPool(svc, body, request);
  // Only the settings CreateUserPool takes and UpdateUserPool lists: these can't change.
  for (const fixed of ['UsernameAttributes', 'AliasAttributes', 'Schema']) {
    if (body[fixed] !== undefined) throw invalidParameter(`${fixed} can't be updated.`);
  }
  const name = optString(body, 'PoolName', { max: 128, pattern: POOL_NAME });
  const settings = readPoolSettings(body);
  svc.store.transaction(() => {
    const pool = requirePool(svc.store, id);
    const mfaOff = settings.mfaConfiguration === 'OFF';
    const updated: PoolRecord = {
      id: pool.id,
      name: name ?? pool.name,
      region: pool.region,
      createdAt: pool.createdAt,
      lastModifiedAt: svc.clock.now(),
      usernameAttributes: pool.usernameAttributes,
      aliasAttributes: pool.aliasAttributes,
      schema: pool.schema,
      smsMfaEnabled: mfaOff ? false : pool.smsMfaEnabled || (!pool.softwareTokenMfaEnabled && !pool.emailMfa && settings.smsConfiguration !== undefined),
      softwareTokenMfaEnabled: mfaOff ? false : pool.softwareTokenMfaEnabled,
      ...(!mfaOff && pool.emailMfa ? { emailMfa: pool.emailMfa } : {}),
      ...(pool.webAuthn ? { webAuthn: pool.webAuthn } : {}),
      ...settings,
    };
    checkPool(updated);
    svc.store.putPool(updated);
  });
  return {};
};
