/** Pools, clients and users for contract tests, made through the real AWS SDK. */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type AttributeType,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  type SchemaAttributeType,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import { SMS_CONFIGURATION } from '../seed.js';

export { SMS_CONFIGURATION };
export const PASSWORD = 'Correct-Horse-9!';
/** A pool's EmailConfiguration sending through Amazon SES: what e-mail MFA needs. */
export const SES_EMAIL = { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/no-reply@example.com' } as const;

export interface PoolSetup {
  mfa?: 'OFF' | 'ON' | 'OPTIONAL';
  sms?: boolean;
  totp?: boolean;
  /** E-mail codes as an MFA factor (the pool then sends e-mail with SES, as Cognito requires). */
  email?: boolean;
  secret?: boolean;
  authSessionValidity?: number;
  flows?: ExplicitAuthFlowsType[];
  /** The API's default is LEGACY (UserNotFoundException for unknown users). */
  preventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  /** CreateUserPool fields: Schema, UsernameAttributes, AliasAttributes, AdminCreateUserConfig… */
  pool?: Partial<CreateUserPoolCommandInput>;
}

/** A custom attribute the tests use (custom attributes must be declared in the pool's schema). */
export const TEAM_ATTRIBUTE: SchemaAttributeType = { Name: 'team', AttributeDataType: 'String', Mutable: true };

export async function createPool(sdk: CognitoIdentityProviderClient, setup: PoolSetup = {}): Promise<{ poolId: string; clientId: string; clientSecret?: string }> {
  const { UserPool } = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: 'test',
      AutoVerifiedAttributes: ['phone_number'],
      Schema: [TEAM_ATTRIBUTE],
      ...(setup.email ? { EmailConfiguration: SES_EMAIL } : {}),
      ...setup.pool,
    }),
  );
  const poolId = UserPool!.Id!;
  await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: setup.mfa ?? 'OFF',
      ...(setup.sms ? { SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code: {####}', SmsConfiguration: SMS_CONFIGURATION } } : {}),
      SoftwareTokenMfaConfiguration: { Enabled: setup.totp ?? false },
      ...(setup.email ? { EmailMfaConfiguration: { Message: 'Your sign-in code is {####}', Subject: 'Sign-in code' } } : {}),
    }),
  );
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'app',
      GenerateSecret: setup.secret ?? false,
      AuthSessionValidity: setup.authSessionValidity,
      PreventUserExistenceErrors: setup.preventUserExistenceErrors,
      ExplicitAuthFlows: setup.flows ?? ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { poolId, clientId: UserPoolClient!.ClientId!, clientSecret: UserPoolClient!.ClientSecret };
}

export async function createUser(sdk: CognitoIdentityProviderClient, poolId: string, username: string, attributes: AttributeType[] = [], password = PASSWORD): Promise<void> {
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, UserAttributes: attributes, MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
}

export { totpCode } from './client.js';

/** Rejects unless the promise fails with this Cognito exception name (and message, if given). */
export async function expectCognitoError(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (!error) throw new Error(`expected ${name}, but the call succeeded`);
  const e = error as { name?: string; message?: string };
  if (e.name !== name) throw new Error(`expected ${name}, got ${e.name}: ${e.message}`);
  if (message !== undefined && !(typeof message === 'string' ? e.message === message : message.test(e.message ?? ''))) {
    throw new Error(`expected message ${message}, got ${e.message}`);
  }
}
