/**
 * Device tracking (DeviceConfiguration): a sign-in on an unknown device gets NewDeviceMetadata;
 * ConfirmDevice stores the device's SRP verifier; a later sign-in that names the device proves it
 * with device SRP (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER), the same SRP-6a as passwords with
 * the device group key as "pool name" and the device key as user id.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CognitoError, invalidParameter, resourceNotFound } from '../errors.js';
import type { DeviceRecord, PoolRecord, UserRecord } from './model.js';
import { offsetPage } from './paging.js';
import { type Body, reqString } from '../validate.js';

/** Unconfirmed devices (issued, never confirmed) are kept a day: most clients confirm at once. */
const UNCONFIRMED_KEEP_MS = 24 * 3600_000;
const MAX_DEVICES = 200;

export const deviceNotFound = () => resourceNotFound('Device does not exist.');

export const tracksDevices = (pool: PoolRecord) => pool.deviceConfiguration !== undefined;

/** A device ConfirmDevice has given its SRP verifier. */
export type ConfirmedDevice = DeviceRecord & { verifier: NonNullable<DeviceRecord['verifier']> };

/** A confirmed device of this user, or undefined. */
export function confirmedDevice(user: UserRecord, key: string | undefined): ConfirmedDevice | undefined {
  return key === undefined ? undefined : user.devices?.find((d): d is ConfirmedDevice => d.key === key && d.verifier !== undefined);
}

/**
 * The DEVICE_KEY a sign-in names: Cognito answers ResourceNotFoundException "Device does not exist."
 * for a forgotten or unknown device (amplify-android pull 2605, amazon-cognito-identity-js issue 200;
 * Amplify v6 retries without it: retryOnResourceNotFoundException). Pools that don't track devices ignore it.
 */
export function checkSignInDevice(pool: PoolRecord, user: UserRecord, key: string | undefined): string | undefined {
  if (!key || !tracksDevices(pool)) return undefined;
  if (!confirmedDevice(user, key)) throw deviceNotFound();
  return key;
}

/**
 * Whether this device replaces MFA: "When true, a remembered device can sign in with device
 * authentication instead of SMS and TOTP factors for MFA" (API reference, DeviceConfigurationType,
 * ChallengeRequiredOnNewDevice).
 */
export function deviceSkipsMfa(pool: PoolRecord, user: UserRecord, key: string | undefined): boolean {
  const device = confirmedDevice(user, key);
  return Boolean(device?.remembered && pool.deviceConfiguration?.ChallengeRequiredOnNewDevice);
}

/** A new device for NewDeviceMetadata (mutates the user; the caller stores it). */
export function issueDevice(pool: PoolRecord, user: UserRecord, now: number): { DeviceKey: string; DeviceGroupKey: string } {
  user.deviceGroupKey ??= `-${randomBytes(6).toString('base64url')}`;
  const kept = (user.devices ?? []).filter((d) => d.verifier || now - d.createdAt < UNCONFIRMED_KEEP_MS);
  const device: DeviceRecord = { key: `${pool.region}_${randomUUID()}`, remembered: false, createdAt: now, lastModifiedAt: now, lastAuthenticatedAt: now };
  user.devices = [...kept, device].slice(-MAX_DEVICES);
  return { DeviceKey: device.key, DeviceGroupKey: user.deviceGroupKey };
}

/** The device named by a call on the user's own devices (ConfirmDevice, GetDevice, …). */
export function requireDevice(user: UserRecord, key: string, options: { confirmed?: boolean } = { confirmed: true }): DeviceRecord {
  const device = user.devices?.find((d) => d.key === key);
  if (!device || (options.confirmed && !device.verifier)) throw deviceNotFound();
  return device;
}

const base64ToHex = (value: string, name: string): string => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw invalidParameter(`Invalid ${name}: must be base64.`);
  const hex = Buffer.from(value, 'base64').toString('hex');
  if (!hex || /^0*$/.test(hex)) throw invalidParameter(`Invalid ${name}.`);
  return hex;
};

/** ConfirmDevice's DeviceSecretVerifierConfig (base64 bytes) as the hex the SRP code uses. */
export function readVerifierConfig(config: { PasswordVerifier?: unknown; Salt?: unknown } | undefined): { salt: string; verifier: string } {
  if (!config || typeof config.PasswordVerifier !== 'string' || typeof config.Salt !== 'string') {
    throw invalidParameter('DeviceSecretVerifierConfig must have PasswordVerifier and Salt.');
  }
  if (config.PasswordVerifier.length > 2048 || config.Salt.length > 256) throw invalidParameter('DeviceSecretVerifierConfig is too long.');
  return { verifier: base64ToHex(config.PasswordVerifier, 'PasswordVerifier'), salt: base64ToHex(config.Salt, 'Salt') };
}

const seconds = (ms: number) => ms / 1000;

/** Cognito's DeviceType. */
export function describeDevice(device: DeviceRecord): Record<string, unknown> {
  return {
    DeviceKey: device.key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(device.name ? [{ Name: 'device_name', Value: device.name }] : []),
      { Name: 'device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' },
      { Name: 'last_ip_used', Value: '127.0.0.1' },
    ],
    DeviceCreateDate: seconds(device.createdAt),
    DeviceLastModifiedDate: seconds(device.lastModifiedAt),
    DeviceLastAuthenticatedDate: seconds(device.lastAuthenticatedAt),
  };
}

/** ListDevices / AdminListDevices: confirmed devices, newest sign-in first, paged by an opaque token. */
export function listDevices(user: UserRecord, limit: number | undefined, token: string | undefined): Record<string, unknown> {
  const devices = (user.devices ?? []).filter((d) => d.verifier).sort((a, b) => b.lastAuthenticatedAt - a.lastAuthenticatedAt || a.key.localeCompare(b.key));
  const { page, next } = offsetPage(devices, limit ?? 60, token, 'Invalid pagination token.');
  return { Devices: page.map(describeDevice), ...(next ? { PaginationToken: next } : {}) };
}

export const deviceStatusParam = (value: string | undefined): boolean | undefined => {
  if (value === undefined) return undefined;
  if (value !== 'remembered' && value !== 'not_remembered') {
    throw new CognitoError('InvalidParameterException', `1 validation error detected: Value '${value.slice(0, 32)}' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set: [remembered, not_remembered]`);
  }
  return value === 'remembered';
};

/** The DeviceKey parameter the device operations share. */
export const DEVICE_KEY = /^[\w-]+_[0-9a-f-]+$/;
export const deviceKeyParam = (body: Body) => reqString(body, 'DeviceKey', { max: 55, pattern: DEVICE_KEY });

/**
 * ForgetDevice / AdminForgetDevice: the device goes; the caller revokes its refresh tokens ("the
 * ForgetDevice API can be used to forget that specific device, and as a result, all future calls to
 * revalidate that device's refresh tokens will fail", AWS Mobile blog quoted in amplify-js issue 2962).
 */
export function forgetDevice(user: UserRecord, key: string): void {
  requireDevice(user, key, { confirmed: false });
  user.devices = (user.devices ?? []).filter((d) => d.key !== key);
}

/** UpdateDeviceStatus / AdminUpdateDeviceStatus. */
export function setRemembered(user: UserRecord, key: string, status: string | undefined, now: number): void {
  const device = requireDevice(user, key);
  const remembered = deviceStatusParam(status);
  if (remembered !== undefined) device.remembered = remembered;
  device.lastModifiedAt = now;
}
