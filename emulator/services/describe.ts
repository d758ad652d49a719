/** Cognito's response shapes for pools, clients and users. Dates are epoch seconds, as the SDK parses them. */
import { describeSettings } from './client-settings.js';
import { describeSchema } from './schema.js';
import type { ClientRecord, PoolRecord, UserRecord } from './model.js';
import { attributeList, mfaSettings } from './users.js';

const seconds = (ms: number) => ms / 1000;

export function describePool(pool: PoolRecord, estimatedUsers: number): Record<string, unknown> {
  return {
    ...pool.extra,
    Id: pool.id,
    Name: pool.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:000000000000:userpool/${pool.id}`,
    Policies: { PasswordPolicy: pool.passwordPolicy, SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors ?? ['PASSWORD'] } },
    MfaConfiguration: pool.mfaConfiguration,
    SmsAuthenticationMessage: pool.smsAuthenticationMessage,
    ...(pool.smsConfiguration ? { SmsConfiguration: pool.smsConfiguration } : {}),
    AutoVerifiedAttributes: pool.autoVerifiedAttributes,
    ...(pool.usernameAttributes.length ? { UsernameAttributes: pool.usernameAttributes } : {}),
    ...(pool.aliasAttributes.length ? { AliasAttributes: pool.aliasAttributes } : {}),
    SchemaAttributes: describeSchema(pool.schema),
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: pool.allowAdminCreateUserOnly,
      ...(pool.unusedAccountValidityDays !== undefined ? { UnusedAccountValidityDays: pool.unusedAccountValidityDays } : {}),
      ...(pool.inviteMessageTemplate ? { InviteMessageTemplate: pool.inviteMessageTemplate } : {}),
    },
    DeletionProtection: pool.deletionProtection ?? 'INACTIVE',
    LambdaConfig: pool.lambdaConfig ?? {},
    AccountRecoverySetting: { RecoveryMechanisms: pool.accountRecovery },
    VerificationMessageTemplate: {
      SmsMessage: pool.smsVerificationMessage,
      EmailMessage: pool.emailVerificationMessage,
      EmailSubject: pool.emailVerificationSubject,
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      ...pool.verificationLink,
    },
    SmsVerificationMessage: pool.smsVerificationMessage,
    EmailVerificationMessage: pool.emailVerificationMessage,
    EmailVerificationSubject: pool.emailVerificationSubject,
    UserPoolTier: pool.tier ?? 'ESSENTIALS',
    EmailConfiguration: { EmailSendingAccount: pool.emailSendingAccount ?? 'COGNITO_DEFAULT', ...pool.emailDetails },
    ...(pool.deviceConfiguration ? { DeviceConfiguration: pool.deviceConfiguration } : {}),
    EstimatedNumberOfUsers: estimatedUsers,
    CreationDate: seconds(pool.createdAt),
    LastModifiedDate: seconds(pool.lastModifiedAt),
  };
}

export function describeClient(client: ClientRecord): Record<string, unknown> {
  return {
    ...client.extra,
    UserPoolId: client.poolId,
    ClientId: client.id,
    ClientName: client.name,
    ...(client.secret ? { ClientSecret: client.secret } : {}),
    ...describeSettings(client),
    CreationDate: seconds(client.createdAt),
    LastModifiedDate: seconds(client.lastModifiedAt),
  };
}

/** AdminGetUser / ListUsers shape. */
export function describeUser(user: UserRecord, attributesKey: 'Attributes' | 'UserAttributes'): Record<string, unknown> {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  };
}
