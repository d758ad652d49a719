/** Data kept across a restart of the emulator (the SQLite file store). */
import { AdminGetUserCommand, AssociateSoftwareTokenCommand, InitiateAuthCommand, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createPool, createUser, PASSWORD, totpCode } from './fixtures.js';
import { startHarness } from './harness.js';

describe('persistence', () => {
  it('keeps pools, users and enrolled TOTP across a restart', async () => {
    const first = await startHarness();
    const { poolId, clientId } = await createPool(first.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(first.sdk, poolId, 'durable');
    const token = (await first.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'durable', PASSWORD } }))).AuthenticationResult!.AccessToken!;
    const { SecretCode } = await first.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    await first.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(SecretCode!, first.emulator.clock.now()) }));
    await first.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true } }));
    await first.stop({ keepData: true });

    const second = await startHarness(first.dataDir);
    try {
      const user = await second.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'durable' }));
      expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
      const challenge = await second.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'durable', PASSWORD } }));
      expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    } finally {
      await second.stop();
    }
  });
});
