import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { deviceKeyParam, readVerifierConfig, requireDevice } from '../services/devices.js';
import { optObject, optString } from '../validate.js';

/**
 * Stores the device's SRP verifier. In a pool that remembers devices only on the user's prompt the
 * device stays "not_remembered" and UserConfirmationNecessary tells the app to ask (API reference,
 * ConfirmDevice and DeviceConfigurationType); otherwise it is remembered at once.
 */
export const ConfirmDevice: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  const key = deviceKeyParam(body);
  const verifier = readVerifierConfig(optObject(body, 'DeviceSecretVerifierConfig') as { PasswordVerifier?: unknown; Salt?: unknown } | undefined);
  const name = optString(body, 'DeviceName', { min: 1, max: 1024 });
  const onPrompt = pool.deviceConfiguration?.DeviceOnlyRememberedOnUserPrompt ?? false;
  updateUser(svc, pool, user.username, (u) => {
    const device = requireDevice(u, key, { confirmed: false });
    if (device.verifier) throw invalidParameter('Device has already been confirmed.');
    device.verifier = verifier;
    if (name) device.name = name;
    device.remembered = !onPrompt;
    device.lastModifiedAt = svc.clock.now();
  });
  return { UserConfirmationNecessary: onPrompt };
};
