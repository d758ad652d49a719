/**
 * What happens after the password is proven: NEW_PASSWORD_REQUIRED, an MFA challenge, MFA_SETUP,
 * or tokens, following the pool's MFA configuration and the user's factors.
 */
import type { Services } from '../context.js';
import { notAuthorized } from '../errors.js';
import { updateUser } from '../access.js';
import { maskEmail, maskPhone, newSixDigitCode } from './codes.js';
import { checkSignInDevice, confirmedDevice, deviceSkipsMfa, issueDevice, tracksDevices } from './devices.js';
import { nowSeconds } from './clock.js';
import type { ChallengeState, ClientRecord, MfaFactor, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { composeMessage, deliver } from './custom-message.js';
import { postAuthentication } from './trigger-events.js';
import type { AuthenticationResult } from './tokens.js';
import { issueTokens } from './token-trigger.js';

export type ChallengeName =
  | 'PASSWORD_VERIFIER'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'SELECT_CHALLENGE'
  | 'SMS_OTP'
  | 'WEB_AUTHN'
  | 'CUSTOM_CHALLENGE';

/** What a sign-in carries from step to step: its auth_time, and the device it names (DEVICE_KEY). */
export interface SignInAuth {
  authTime: number;
  deviceKey?: string;
  /** The device passed device SRP in this sign-in: tokens come next, for that device. */
  deviceProven?: boolean;
  /** NEW_PASSWORD_REQUIRED was answered in this request (PreTokenGeneration's TokenGeneration_NewPasswordChallenge). */
  newPassword?: boolean;
}

export interface SignInStep {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
  /** USER_AUTH's SELECT_CHALLENGE: the first factors to choose from. */
  AvailableChallenges?: string[];
}

export const DEFAULT_SMS_MESSAGE = 'Your authentication code is {####}. ';
export const DEFAULT_EMAIL_MFA_MESSAGE = 'Your authentication code is {####}. ';
export const DEFAULT_EMAIL_MFA_SUBJECT = 'Your authentication code';

/**
 * Whether sign-in can ask for a TOTP code: a verified token with no new one pending ("If you don't
 * verify the software token and your user pool doesn't require MFA, the user can then authenticate
 * with user name and password credentials alone", API reference, AssociateSoftwareToken), turned on
 * by the user, or merely registered when the pool requires MFA ("After you set up software token
 * MFA for your user, Amazon Cognito generates a SOFTWARE_TOKEN_MFA challenge", ibid.). A token set
 * up earlier stays usable if the pool later disables TOTP.
 */
const totpUsable = (pool: PoolRecord, user: UserRecord) =>
  Boolean(user.totpSecret) && !user.pendingTotpSecret && (user.totpEnabled || pool.mfaConfiguration === 'ON');

/** Factors the user can be challenged with now. */
export function activeFactors(pool: PoolRecord, user: UserRecord): MfaFactor[] {
  const factors: MfaFactor[] = [];
  if (user.smsMfaEnabled && pool.smsMfaEnabled && getAttribute(user, 'phone_number')) factors.push('SMS_MFA');
  if (totpUsable(pool, user)) factors.push('SOFTWARE_TOKEN_MFA');
  if (user.emailMfaEnabled && pool.emailMfa && getAttribute(user, 'email')) factors.push('EMAIL_OTP');
  return factors;
}

export function setupFactors(pool: PoolRecord): MfaFactor[] {
  const factors: MfaFactor[] = [];
  if (pool.smsMfaEnabled) factors.push('SMS_MFA');
  if (pool.softwareTokenMfaEnabled) factors.push('SOFTWARE_TOKEN_MFA');
  if (pool.emailMfa) factors.push('EMAIL_OTP');
  return factors;
}

export async function afterPassword(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, deviceKey?: string): Promise<SignInStep> {
  const auth: SignInAuth = { authTime: nowSeconds(svc.clock), deviceKey: checkSignInDevice(pool, user, deviceKey) };
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.temporaryPasswordExpiresAt !== undefined && user.temporaryPasswordExpiresAt < svc.clock.now()) {
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    const userAttributes = Object.fromEntries(user.attributes.filter(([n]) => n !== 'sub'));
    // The pool's required attributes the user lacks: the answer must bring them (as userAttributes.<name>).
    const missing = missingRequiredAttributes(pool, user);
    return challenge(svc, client, user, auth, { step: 'NEW_PASSWORD_REQUIRED' }, 'NEW_PASSWORD_REQUIRED', {
      requiredAttributes: JSON.stringify(missing.map((a) => `userAttributes.${a}`)),
      userAttributes: JSON.stringify(userAttributes),
    });
  }
  return afterFirstFactor(svc, pool, client, user, auth);
}

export const missingRequiredAttributes = (pool: PoolRecord, user: UserRecord) => pool.schema.requiredAttributes.filter((a) => !getAttribute(user, a));

/** The MFA decision, also used after NEW_PASSWORD_REQUIRED. */
export async function afterFirstFactor(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, auth: SignInAuth): Promise<SignInStep> {
  if (pool.mfaConfiguration === 'OFF' || deviceSkipsMfa(pool, user, auth.deviceKey)) return tokens(svc, pool, client, user, auth);
  const factors = activeFactors(pool, user);
  if (user.preferredMfa && factors.includes(user.preferredMfa)) return startFactor(svc, pool, client, user, auth, user.preferredMfa);
  if (factors.length > 1) {
    return challenge(svc, client, user, auth, { step: 'SELECT_MFA_TYPE', choices: factors }, 'SELECT_MFA_TYPE', {
      MFAS_CAN_CHOOSE: JSON.stringify(factors),
    });
  }
  if (factors.length === 1) return startFactor(svc, pool, client, user, auth, factors[0]);
  if (pool.mfaConfiguration === 'OPTIONAL') return tokens(svc, pool, client, user, auth);
  // Required MFA and nothing set up: an SMS to the phone on file (verified or not), else set a factor up.
  if (pool.smsMfaEnabled && getAttribute(user, 'phone_number')) return startFactor(svc, pool, client, user, auth, 'SMS_MFA');
  const canSetup = setupFactors(pool);
  return challenge(svc, client, user, auth, { step: 'MFA_SETUP', canSetup }, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(canSetup) });
}

export async function startFactor(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, auth: SignInAuth, factor: MfaFactor): Promise<SignInStep> {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    return challenge(svc, client, user, auth, { step: 'SOFTWARE_TOKEN_MFA' }, 'SOFTWARE_TOKEN_MFA', {
      ...(user.totpDeviceName ? { FRIENDLY_DEVICE_NAME: user.totpDeviceName } : {}),
    });
  }
  if (factor === 'EMAIL_OTP') return sendEmailCode(svc, pool, client, user, auth, getAttribute(user, 'email')!);
  const phone = getAttribute(user, 'phone_number')!;
  const code = await sendSmsCode(svc, pool, client, user, phone);
  return challenge(svc, client, user, auth, { step: 'SMS_MFA', code }, 'SMS_MFA', {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
    CODE_DELIVERY_DESTINATION: maskPhone(phone),
  });
}

/**
 * EMAIL_OTP: a code to the address (the user's, or the one given in MFA_SETUP), valid for the auth
 * session; the destination masked as Cognito masks e-mail ("j***@e***").
 */
export async function sendEmailCode(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, auth: SignInAuth, email: string, setup = false): Promise<SignInStep> {
  const template = pool.emailMfa ?? { message: DEFAULT_EMAIL_MFA_MESSAGE, subject: DEFAULT_EMAIL_MFA_SUBJECT };
  const message = await composeMessage(svc, pool, {
    source: 'Authentication',
    user,
    channel: 'EMAIL',
    destination: email,
    code: newSixDigitCode(),
    template: template.message,
    subject: template.subject,
    clientId: client.id,
  });
  deliver(svc, pool, user.username, message);
  const { code } = message;
  return challenge(svc, client, user, auth, { step: 'EMAIL_OTP', code, ...(setup ? { setupEmail: email } : {}) }, 'EMAIL_OTP', {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: maskEmail(email),
  });
}

/** An SMS sign-in code (SMS MFA, SMS_OTP) in the pool's SmsAuthenticationMessage or CustomMessage_Authentication's text: the code sent. */
export async function sendSmsCode(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, phone: string): Promise<string> {
  const message = await composeMessage(svc, pool, {
    source: 'Authentication',
    user,
    channel: 'SMS',
    destination: phone,
    code: newSixDigitCode(),
    template: pool.smsAuthenticationMessage || DEFAULT_SMS_MESSAGE,
    clientId: client.id,
  });
  deliver(svc, pool, user.username, message);
  return message.code;
}

export function challenge(
  svc: Services,
  client: ClientRecord,
  user: UserRecord,
  auth: SignInAuth,
  state: ChallengeState,
  name: ChallengeName,
  parameters: Record<string, string>,
): SignInStep {
  const Session = svc.sessions.create(client, user.username, auth, state);
  return { ChallengeName: name, Session, ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: user.username } };
}

/**
 * The end of a sign-in. A device the client named proves itself first (DEVICE_SRP_AUTH, as Amplify
 * and amazon-cognito-identity-js expect after any challenge); a sign-in on a new device, in a pool
 * that tracks devices, gets NewDeviceMetadata for ConfirmDevice.
 */
export async function tokens(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, auth: SignInAuth): Promise<SignInStep> {
  if (auth.deviceKey && !auth.deviceProven && confirmedDevice(user, auth.deviceKey)) {
    return challenge(svc, client, user, auth, { step: 'DEVICE_SRP_AUTH', deviceKey: auth.deviceKey }, 'DEVICE_SRP_AUTH', {});
  }
  let deviceKey = auth.deviceProven ? auth.deviceKey : undefined;
  // PostAuthentication: after the sign-in, before anything of it is written or the tokens go back
  // (a throw refuses them). A sign-in without a proven device is on a new one.
  await postAuthentication(svc, pool, client, user, tracksDevices(pool) ? !deviceKey : undefined);
  let newDevice: { DeviceKey: string; DeviceGroupKey: string } | undefined;
  if (tracksDevices(pool)) {
    const now = svc.clock.now();
    updateUser(svc, pool, user.username, (u) => {
      if (deviceKey) {
        const device = confirmedDevice(u, deviceKey);
        if (device) device.lastAuthenticatedAt = now;
      } else newDevice = issueDevice(pool, u, now);
    });
    deviceKey ??= newDevice?.DeviceKey;
  }
  const source = auth.deviceProven ? 'TokenGeneration_AuthenticateDevice' : auth.newPassword ? 'TokenGeneration_NewPasswordChallenge' : 'TokenGeneration_Authentication';
  const result = await issueTokens(svc, pool, client, user, { authTime: auth.authTime, deviceKey }, source);
  return { ChallengeParameters: {}, AuthenticationResult: { ...result, ...(newDevice ? { NewDeviceMetadata: newDevice } : {}) } };
}
