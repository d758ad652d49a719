import { randomBytes } from 'node:crypto';
import { requireSigned } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { describePool } from '../services/describe.js';
import type { PasswordPolicy, PoolRecord, PoolTier } from '../services/model.js';
import { DEFAULT_SMS_MESSAGE } from '../services/sign-in.js';
import { type Body, definedFields, optBoolean, optNumber, optObject, optString, optStringList, reqString } from '../validate.js';
import { readSchema } from '../services/schema.js';
import { DEFAULT_ACCOUNT_RECOVERY } from '../services/store.js';
import { checkMfaSettings } from './SetUserPoolMfaConfig.js';
import { checkSignInPolicy, readSignInPolicy } from '../services/sign-in-policy.js';
import { readLambdaConfig } from '../services/triggers.js';
import { readEmailDetails, readInviteTemplate, readKeptSettings, readUnusedAccountValidityDays, readVerificationLink } from '../services/pool-settings.js';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number, alphabet = ALPHANUM) => Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');

function passwordPolicy(body: Body | undefined): PasswordPolicy {
  const p = body ?? {};
  return {
    MinimumLength: optNumber(p, 'MinimumLength', 6, 99) ?? 8,
    RequireUppercase: optBoolean(p, 'RequireUppercase') ?? true,
    RequireLowercase: optBoolean(p, 'RequireLowercase') ?? true,
    RequireNumbers: optBoolean(p, 'RequireNumbers') ?? true,
    RequireSymbols: optBoolean(p, 'RequireSymbols') ?? true,
    TemporaryPasswordValidityDays: optNumber(p, 'TemporaryPasswordValidityDays', 0, 365) ?? 7,
    ...definedFields({ PasswordHistorySize: optNumber(p, 'PasswordHistorySize', 0, 24) }),
  };
}

const USERNAME_ATTRIBUTES = ['email', 'phone_number'];
const ALIAS_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'];

function attributeList(body: Body, key: string, allowed: string[]): string[] {
  const list = optStringList(body, key) ?? [];
  for (const a of list) if (!allowed.includes(a)) throw invalidParameter(`Invalid attribute ${a} in ${key}: only ${allowed.join(', ')} are allowed.`);
  return [...new Set(list)];
}

/** What only CreateUserPool sets (UpdateUserPool keeps it), and what SetUserPoolMfaConfig manages. */
type FixedAtCreation = 'id' | 'name' | 'region' | 'createdAt' | 'lastModifiedAt' | 'usernameAttributes' | 'aliasAttributes' | 'schema';
type MfaFactors = 'smsMfaEnabled' | 'softwareTokenMfaEnabled' | 'emailMfa' | 'webAuthn';
export type PoolSettings = Omit<PoolRecord, FixedAtCreation | MfaFactors>;

/**
 * The settings CreateUserPool and UpdateUserPool share. Each left out takes its default, at
 * UpdateUserPool too: "If you don't provide a value for an attribute, Amazon Cognito sets it to its
 * default value" (API reference, UpdateUserPool).
 */
export function readPoolSettings(body: Body): PoolSettings {
  const policies = optObject(body, 'Policies');
  const template = optObject(body, 'VerificationMessageTemplate') ?? {};
  const adminCreateUserConfig = optObject(body, 'AdminCreateUserConfig');
  const smsConfiguration = optObject(body, 'SmsConfiguration');
  const signInPolicy = readSignInPolicy(policies);
  const lambdaConfig = readLambdaConfig(body);
  return {
    mfaConfiguration: (optString(body, 'MfaConfiguration', { pattern: /^(OFF|ON|OPTIONAL)$/ }) ?? 'OFF') as PoolRecord['mfaConfiguration'],
    smsAuthenticationMessage: optString(body, 'SmsAuthenticationMessage', { min: 6, max: 140 }) ?? DEFAULT_SMS_MESSAGE,
    ...(smsConfiguration ? { smsConfiguration: smsConfiguration as PoolRecord['smsConfiguration'] } : {}),
    passwordPolicy: passwordPolicy(policies && optObject(policies, 'PasswordPolicy')),
    autoVerifiedAttributes: attributeList(body, 'AutoVerifiedAttributes', USERNAME_ATTRIBUTES),
    allowAdminCreateUserOnly: (adminCreateUserConfig && optBoolean(adminCreateUserConfig, 'AllowAdminCreateUserOnly')) ?? false,
    accountRecovery: accountRecovery(body),
    // VerificationMessageTemplate takes precedence over the older top-level fields, as in Cognito.
    smsVerificationMessage: verificationMessage(optString(template, 'SmsMessage', { min: 6, max: 140 }) ?? optString(body, 'SmsVerificationMessage', { min: 6, max: 140 })),
    emailVerificationMessage: verificationMessage(optString(template, 'EmailMessage', { min: 6, max: 20000 }) ?? optString(body, 'EmailVerificationMessage', { min: 6, max: 20000 })),
    emailVerificationSubject: optString(template, 'EmailSubject', { max: 140 }) ?? optString(body, 'EmailVerificationSubject', { max: 140 }) ?? 'Your verification code',
    tier: (optString(body, 'UserPoolTier', { pattern: /^(LITE|ESSENTIALS|PLUS)$/ }) ?? 'ESSENTIALS') as PoolTier,
    ...emailConfiguration(body),
    ...deviceConfiguration(body),
    ...(signInPolicy ? { allowedFirstAuthFactors: signInPolicy } : {}),
    ...keptDetails(body, template, adminCreateUserConfig),
    ...(lambdaConfig ? { lambdaConfig } : {}),
    extra: readKeptSettings(body),
  };
}

/** The rules every pool change is checked against. */
export function checkPool(pool: PoolRecord): void {
  checkMfaSettings(pool);
  checkSignInPolicy(pool);
}

export const CreateUserPool: Operation = (svc, body, request) => {
  requireSigned(request);
  const name = reqString(body, 'PoolName', { max: 128, pattern: POOL_NAME });
  const usernameAttributes = attributeList(body, 'UsernameAttributes', USERNAME_ATTRIBUTES);
  const aliasAttributes = attributeList(body, 'AliasAttributes', ALIAS_ATTRIBUTES);
  if (usernameAttributes.length && aliasAttributes.length) {
    throw invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  const settings = readPoolSettings(body);
  const now = svc.clock.now();
  const region = request.signedRegion ?? svc.defaultRegion;
  const pool: PoolRecord = {
    id: `${region}_${randomId(9)}`,
    name,
    region,
    createdAt: now,
    lastModifiedAt: now,
    usernameAttributes,
    aliasAttributes,
    schema: readSchema(body),
    // A new pool with MFA on gets SMS as its factor, as Cognito does when SmsConfiguration is given.
    smsMfaEnabled: settings.mfaConfiguration !== 'OFF',
    softwareTokenMfaEnabled: false,
    ...settings,
  };
  checkPool(pool);
  svc.store.putPool(pool);
  return { UserPool: describePool(pool, 0) };
};

export const POOL_NAME = /^[\w\s+=,.@-]+$/;

/** The settings kept in their own fields: described back, some acted on (see PoolRecord). */
function keptDetails(body: Body, template: Body, adminCreateUserConfig: Body | undefined): Partial<PoolRecord> {
  const invite = readInviteTemplate(adminCreateUserConfig);
  const unusedDays = readUnusedAccountValidityDays(adminCreateUserConfig);
  const emailDetails = readEmailDetails(optObject(body, 'EmailConfiguration'));
  return {
    deletionProtection: (optString(body, 'DeletionProtection', { pattern: /^(ACTIVE|INACTIVE)$/ }) ?? 'INACTIVE') as PoolRecord['deletionProtection'],
    verificationLink: readVerificationLink(template),
    ...(invite ? { inviteMessageTemplate: invite } : {}),
    ...(unusedDays !== undefined ? { unusedAccountValidityDays: unusedDays } : {}),
    ...(Object.keys(emailDetails).length ? { emailDetails } : {}),
  };
}

function emailConfiguration(body: Body): Pick<PoolRecord, 'emailSendingAccount'> {
  const config = optObject(body, 'EmailConfiguration');
  const account = config && optString(config, 'EmailSendingAccount', { pattern: /^(COGNITO_DEFAULT|DEVELOPER)$/ });
  if (account === 'DEVELOPER' && !(config && optString(config, 'SourceArn', { min: 20, max: 2048 }))) {
    throw invalidParameter('SourceArn is required when EmailSendingAccount is DEVELOPER.');
  }
  return { emailSendingAccount: (account ?? 'COGNITO_DEFAULT') as PoolRecord['emailSendingAccount'] };
}

/** "When you provide a value for any property of DeviceConfiguration, you activate the device remembering" (API reference, DeviceConfigurationType). */
function deviceConfiguration(body: Body): Pick<PoolRecord, 'deviceConfiguration'> {
  const config = optObject(body, 'DeviceConfiguration');
  if (!config) return {};
  const challenge = optBoolean(config, 'ChallengeRequiredOnNewDevice');
  const onPrompt = optBoolean(config, 'DeviceOnlyRememberedOnUserPrompt');
  if (challenge === undefined && onPrompt === undefined) return {};
  return { deviceConfiguration: { ChallengeRequiredOnNewDevice: challenge ?? false, DeviceOnlyRememberedOnUserPrompt: onPrompt ?? false } };
}

const RECOVERY_NAMES = ['verified_email', 'verified_phone_number', 'admin_only'] as const;

function accountRecovery(body: Body): PoolRecord['accountRecovery'] {
  const setting = optObject(body, 'AccountRecoverySetting');
  const list = setting?.RecoveryMechanisms;
  if (list === undefined) return DEFAULT_ACCOUNT_RECOVERY;
  if (!Array.isArray(list) || list.length < 1 || list.length > 2) throw invalidParameter('RecoveryMechanisms must list 1 or 2 mechanisms.');
  return list.map((m: unknown) => {
    const entry = (typeof m === 'object' && m !== null ? m : {}) as Body;
    const name = optString(entry, 'Name', { max: 32 });
    if (!name || !(RECOVERY_NAMES as readonly string[]).includes(name)) throw invalidParameter(`Invalid recovery mechanism ${String(name)}.`);
    return { Name: name as (typeof RECOVERY_NAMES)[number], Priority: optNumber(entry, 'Priority', 1, 2) ?? 1 };
  });
}

/** A verification message must carry the code's place: {####}. */
function verificationMessage(message: string | undefined): string {
  if (message === undefined) return 'Your verification code is {####}. ';
  if (!message.includes('{####}')) throw invalidParameter('The verification message must contain the placeholder {####}.');
  return message;
}

export { randomId };
