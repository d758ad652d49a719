/**
 * Remembered devices, with the AWS SDK v3, Amplify v6 and amazon-cognito-identity-js. Sources: API
 * reference (AR) DeviceConfigurationType, ConfirmDevice, UpdateDeviceStatus, ListDevices,
 * ForgetDevice; Amplify v6 handleDeviceSRPAuth / getNewDeviceMetadata; amazon-cognito-identity-js
 * CognitoUser.getDeviceResponse; amplify-android pull 2605 ("Device does not exist.").
 */
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateDeviceStatusCommand,
  type AuthenticationResultType,
  type ChallengeNameType,
  ConfirmDeviceCommand,
  DescribeUserPoolCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  RespondToAuthChallengeCommand,
  UpdateDeviceStatusCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchDevices, forgetDevice, rememberDevice, signIn, signOut } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../services/srp.js';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { type Harness, latestMessage, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());
afterEach(() => signOut().catch(() => {}));

// Node 20 has no navigator: Amplify names the device from it when it confirms one.
Object.assign(globalThis, { navigator: (globalThis as { navigator?: unknown }).navigator ?? { userAgent: 'contract-test' } });

type DeviceConfiguration = { ChallengeRequiredOnNewDevice: boolean; DeviceOnlyRememberedOnUserPrompt: boolean };
const USER_PROMPT: DeviceConfiguration = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true };

/** A pool with optional SMS MFA, devices tracked as given, and an SMS-MFA user. */
async function devicePool(username: string, devices: DeviceConfiguration | null = USER_PROMPT) {
  const pool = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, pool: devices ? { DeviceConfiguration: devices } : {} });
  await createUser(h.sdk, pool.poolId, username, [{ Name: 'phone_number', Value: '+15555550100' }]);
  await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: pool.poolId, Username: username, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return pool;
}

const respond = (clientId: string, ChallengeName: ChallengeNameType, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
  h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName, Session, ChallengeResponses }));

/** USER_PASSWORD_AUTH, answering SMS MFA when asked; DEVICE_KEY when given. Returns the last response. */
async function signInSdk(clientId: string, username: string, deviceKey?: string) {
  let step = await h.sdk.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) } }),
  );
  const challenges: string[] = [];
  if (step.ChallengeName === 'SMS_MFA') {
    challenges.push('SMS_MFA');
    const { code } = await latestMessage(h.emulator, username);
    step = await respond(clientId, 'SMS_MFA', step.Session, { USERNAME: username, SMS_MFA_CODE: code, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) });
  }
  return { step, challenges };
}

/** What a client keeps for a confirmed device: its key, group key and random password. */
interface DeviceSecret {
  key: string;
  groupKey: string;
  password: string;
}

async function confirmNewDevice(clientId: string, username: string, name = 'Test browser') {
  const { step } = await signInSdk(clientId, username);
  const result = step.AuthenticationResult!;
  const { DeviceKey, DeviceGroupKey } = result.NewDeviceMetadata!;
  const device: DeviceSecret = { key: DeviceKey!, groupKey: DeviceGroupKey!, password: randomBytes(40).toString('base64') };
  const { salt, verifier } = await createVerifier(device.groupKey, device.key, device.password);
  const toBase64 = (hex: string) => Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64');
  const confirmed = await h.sdk.send(
    new ConfirmDeviceCommand({ AccessToken: result.AccessToken, DeviceKey: device.key, DeviceName: name, DeviceSecretVerifierConfig: { Salt: toBase64(salt), PasswordVerifier: toBase64(verifier) } }),
  );
  return { device, result, confirmed };
}

/** DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER with the device's secret (tamper: a wrong password). */
async function proveDevice(clientId: string, username: string, session: string | undefined, device: DeviceSecret, password = device.password) {
  const srp = new SrpClient(device.groupKey);
  const challenge = await respond(clientId, 'DEVICE_SRP_AUTH', session, { USERNAME: username, DEVICE_KEY: device.key, SRP_A: srp.srpA });
  expect(challenge.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  const params = { ...challenge.ChallengeParameters!, USER_ID_FOR_SRP: device.key };
  const answer = srp.respond(params, password, new Date());
  return respond(clientId, 'DEVICE_PASSWORD_VERIFIER', challenge.Session, { ...answer, USERNAME: username, DEVICE_KEY: device.key });
}

const accessClaims = (result: AuthenticationResultType | undefined) => decodeJwt(result!.AccessToken!);

describe('Device tracking with the AWS SDK v3', () => {
  it('a new device gets NewDeviceMetadata; ConfirmDevice asks the app to prompt; a remembered device replaces MFA', async () => {
    const { poolId, clientId } = await devicePool('dana');
    expect((await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.DeviceConfiguration).toEqual(USER_PROMPT);
    const { device, result, confirmed } = await confirmNewDevice(clientId, 'dana');
    expect(device.key).toMatch(/^eu-west-1_[0-9a-f-]{36}$/);
    expect(accessClaims(result).device_key).toBe(device.key);
    // DeviceOnlyRememberedOnUserPrompt: "you must follow ConfirmDevice with an UpdateDeviceStatus" (AR: DeviceConfigurationType).
    expect(confirmed.UserConfirmationNecessary).toBe(true);
    const AccessToken = result.AccessToken;
    const listed = await h.sdk.send(new ListDevicesCommand({ AccessToken }));
    expect(listed.Devices).toHaveLength(1);
    expect(listed.Devices![0].DeviceAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'device_name', Value: 'Test browser' },
        { Name: 'device_remembered_status', Value: 'not_remembered' },
      ]),
    );

    // Tracked but not remembered: MFA still, then the device proves itself; no new device.
    const tracked = await signInSdk(clientId, 'dana', device.key);
    expect(tracked.challenges).toEqual(['SMS_MFA']);
    expect(tracked.step.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const proven = await proveDevice(clientId, 'dana', tracked.step.Session, device);
    expect(proven.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(accessClaims(proven.AuthenticationResult).device_key).toBe(device.key);

    await h.sdk.send(new UpdateDeviceStatusCommand({ AccessToken, DeviceKey: device.key, DeviceRememberedStatus: 'remembered' }));
    // Remembered, ChallengeRequiredOnNewDevice: device authentication instead of MFA.
    const remembered = await signInSdk(clientId, 'dana', device.key);
    expect(remembered.challenges).toEqual([]);
    expect(remembered.step.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const { AuthenticationResult } = await proveDevice(clientId, 'dana', remembered.step.Session, device);
    expect(AuthenticationResult?.AccessToken).toBeTruthy();
    const { Device } = await h.sdk.send(new GetDeviceCommand({ AccessToken, DeviceKey: device.key }));
    expect(Device!.DeviceLastAuthenticatedDate).toBeInstanceOf(Date);
  });

  it('a wrong device proof is refused, and its session cannot be answered again', async () => {
    const { poolId, clientId } = await devicePool('eve');
    const { device, result } = await confirmNewDevice(clientId, 'eve');
    await h.sdk.send(new AdminUpdateDeviceStatusCommand({ UserPoolId: poolId, Username: 'eve', DeviceKey: device.key, DeviceRememberedStatus: 'remembered' }));
    const { step } = await signInSdk(clientId, 'eve', device.key);
    await expectCognitoError(proveDevice(clientId, 'eve', step.Session, device, 'not-the-device-password'), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectCognitoError(respond(clientId, 'DEVICE_SRP_AUTH', step.Session, { USERNAME: 'eve', DEVICE_KEY: device.key, SRP_A: '0' }), 'NotAuthorizedException');
    expect(result.AccessToken).toBeTruthy();
  });

  it('always-remember pools remember at ConfirmDevice; without ChallengeRequiredOnNewDevice a remembered device still gets MFA', async () => {
    const { clientId } = await devicePool('fay', { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false });
    const { device, confirmed } = await confirmNewDevice(clientId, 'fay');
    expect(confirmed.UserConfirmationNecessary).toBe(false);
    const again = await signInSdk(clientId, 'fay', device.key);
    expect(again.challenges).toEqual(['SMS_MFA']);
    expect(again.step.ChallengeName).toBe('DEVICE_SRP_AUTH');
  });

  it('a pool without DeviceConfiguration hands out no device and ignores DEVICE_KEY', async () => {
    const { clientId } = await devicePool('gil', null);
    const { step } = await signInSdk(clientId, 'gil', 'eu-west-1_00000000-0000-0000-0000-000000000000');
    expect(step.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(accessClaims(step.AuthenticationResult).device_key).toBeUndefined();
  });

  it('errors: unknown devices, a second ConfirmDevice, a bad verifier, a bad status, a bad page token', async () => {
    const { clientId } = await devicePool('hal');
    const { device, result } = await confirmNewDevice(clientId, 'hal');
    const AccessToken = result.AccessToken;
    const unknown = 'eu-west-1_11111111-1111-1111-1111-111111111111';
    await expectCognitoError(h.sdk.send(new GetDeviceCommand({ AccessToken, DeviceKey: unknown })), 'ResourceNotFoundException', 'Device does not exist.');
    await expectCognitoError(h.sdk.send(new UpdateDeviceStatusCommand({ AccessToken, DeviceKey: unknown, DeviceRememberedStatus: 'remembered' })), 'ResourceNotFoundException');
    await expectCognitoError(
      h.sdk.send(new ConfirmDeviceCommand({ AccessToken, DeviceKey: unknown, DeviceSecretVerifierConfig: { Salt: 'AAEC', PasswordVerifier: 'AAEC' } })),
      'ResourceNotFoundException',
    );
    await expectCognitoError(
      h.sdk.send(new ConfirmDeviceCommand({ AccessToken, DeviceKey: device.key, DeviceSecretVerifierConfig: { Salt: 'AAEC', PasswordVerifier: 'AAEC' } })),
      'InvalidParameterException',
      'Device has already been confirmed.',
    );
    const fresh = (await signInSdk(clientId, 'hal')).step.AuthenticationResult!;
    await expectCognitoError(
      h.sdk.send(new ConfirmDeviceCommand({ AccessToken: fresh.AccessToken, DeviceKey: fresh.NewDeviceMetadata!.DeviceKey, DeviceSecretVerifierConfig: { Salt: 'AAEC' } })),
      'InvalidParameterException',
    );
    await expectCognitoError(
      h.sdk.send(new UpdateDeviceStatusCommand({ AccessToken, DeviceKey: device.key, DeviceRememberedStatus: 'forever' as 'remembered' })),
      'InvalidParameterException',
    );
    await expectCognitoError(h.sdk.send(new ListDevicesCommand({ AccessToken, PaginationToken: 'bm9wZQ' })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListDevicesCommand({ AccessToken: 'not-a-token' })), 'NotAuthorizedException');
  });

  it('ForgetDevice: the device is gone, its refresh tokens are revoked, and signing in with it is "Device does not exist." (retryable); GlobalSignOut forgets nothing', async () => {
    const { poolId, clientId } = await devicePool('ida', { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false });
    const first = await confirmNewDevice(clientId, 'ida', 'Laptop');
    const second = await confirmNewDevice(clientId, 'ida', 'Phone');
    const AccessToken = second.result.AccessToken;
    await h.sdk.send(new GlobalSignOutCommand({ AccessToken }));
    const signedIn = await signInSdk(clientId, 'ida', second.device.key);
    const session = (await proveDevice(clientId, 'ida', signedIn.step.Session, second.device)).AuthenticationResult!;
    const page1 = await h.sdk.send(new ListDevicesCommand({ AccessToken: session.AccessToken, Limit: 1 }));
    expect(page1.Devices).toHaveLength(1);
    const page2 = await h.sdk.send(new ListDevicesCommand({ AccessToken: session.AccessToken, Limit: 1, PaginationToken: page1.PaginationToken }));
    expect([page1.Devices![0].DeviceKey, page2.Devices![0].DeviceKey].sort()).toEqual([first.device.key, second.device.key].sort());
    expect(page2.PaginationToken).toBeUndefined();

    await h.sdk.send(new ForgetDeviceCommand({ AccessToken: session.AccessToken, DeviceKey: first.device.key }));
    await expectCognitoError(h.sdk.send(new GetDeviceCommand({ AccessToken: session.AccessToken, DeviceKey: first.device.key })), 'ResourceNotFoundException');
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: first.result.RefreshToken!, DEVICE_KEY: first.device.key } })),
      'NotAuthorizedException',
    );
    await expectCognitoError(signInSdk(clientId, 'ida', first.device.key), 'ResourceNotFoundException', 'Device does not exist.');
    // With SRP the answer can be given again, without the device (the session is not used up).
    const srp = new SrpClient(poolId.split('_')[1]);
    const started = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ida', SRP_A: srp.srpA, DEVICE_KEY: first.device.key } }));
    const proof = srp.respond(started.ChallengeParameters!, PASSWORD, new Date());
    await expectCognitoError(respond(clientId, 'PASSWORD_VERIFIER', undefined, { ...proof, DEVICE_KEY: first.device.key }), 'ResourceNotFoundException', 'Device does not exist.');
    const retried = await respond(clientId, 'PASSWORD_VERIFIER', undefined, proof);
    expect(retried.ChallengeName).toBe('SMS_MFA');
    // The other device's session lives on, for that device only.
    const refresh = (deviceKey: string) =>
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: session.RefreshToken!, DEVICE_KEY: deviceKey } }));
    expect(accessClaims((await refresh(second.device.key)).AuthenticationResult).device_key).toBe(second.device.key);
    await expectCognitoError(refresh(first.device.key), 'NotAuthorizedException', 'Invalid Refresh Token');
  });

  it('the Admin forms list, read, update and forget a user\'s devices', async () => {
    const { poolId, clientId } = await devicePool('jo');
    const { device } = await confirmNewDevice(clientId, 'jo');
    const listed = await h.sdk.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: 'jo' }));
    expect(listed.Devices!.map((d) => d.DeviceKey)).toEqual([device.key]);
    await h.sdk.send(new AdminUpdateDeviceStatusCommand({ UserPoolId: poolId, Username: 'jo', DeviceKey: device.key, DeviceRememberedStatus: 'remembered' }));
    const { Device } = await h.sdk.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'jo', DeviceKey: device.key }));
    expect(Device!.DeviceAttributes).toContainEqual({ Name: 'device_remembered_status', Value: 'remembered' });
    await h.sdk.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: 'jo', DeviceKey: device.key }));
    await expectCognitoError(h.sdk.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'jo', DeviceKey: device.key })), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: 'nobody', DeviceKey: device.key })), 'UserNotFoundException');
  });
});

describe('Amplify v6 device handling, unchanged', () => {
  it('rememberDevice skips MFA at the next sign-in (SRP); fetchDevices lists it; forgetDevice brings MFA back', async () => {
    const { poolId, clientId } = await devicePool('amy');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    const first = await signIn({ username: 'amy', password: PASSWORD });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
    expect((await confirmSignIn({ challengeResponse: (await latestMessage(h.emulator, 'amy')).code })).isSignedIn).toBe(true);
    await rememberDevice();
    const devices = await fetchDevices();
    expect(devices).toHaveLength(1);
    expect(devices[0].name).toBe('contract-test');
    await signOut();

    const again = await signIn({ username: 'amy', password: PASSWORD });
    expect(again.isSignedIn).toBe(true);
    await forgetDevice();
    // The access token outlives its device; the refresh token does not.
    expect(await fetchDevices()).toHaveLength(0);
    await signOut();
    expect((await signIn({ username: 'amy', password: PASSWORD })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
  });

  it('a device forgotten elsewhere: "Device does not exist." at PASSWORD_VERIFIER, and Amplify\'s retry of the same answer without it signs in', async () => {
    const { poolId, clientId } = await devicePool('ben');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    await signIn({ username: 'ben', password: PASSWORD });
    await confirmSignIn({ challengeResponse: (await latestMessage(h.emulator, 'ben')).code });
    await rememberDevice();
    await signOut();
    const { Devices } = await h.sdk.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: 'ben' }));
    await h.sdk.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: 'ben', DeviceKey: Devices![0].DeviceKey }));
    const again = await signIn({ username: 'ben', password: PASSWORD });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_SMS_CODE');
    expect((await confirmSignIn({ challengeResponse: (await latestMessage(h.emulator, 'ben')).code })).isSignedIn).toBe(true);
    // Signed in as a new device: ConfirmDevice ran again.
    expect((await h.sdk.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: 'ben' }))).Devices).toHaveLength(1);
  });
});

describe('amazon-cognito-identity-js device handling, unchanged', () => {
  function authenticate(user: CognitoUser, onMfa: () => Promise<string>): Promise<{ userConfirmationNecessary: boolean; mfa: boolean }> {
    let mfa = false;
    return new Promise((resolve, reject) => {
      const callbacks = {
        onSuccess: (_session: unknown, userConfirmationNecessary?: boolean) => resolve({ userConfirmationNecessary: Boolean(userConfirmationNecessary), mfa }),
        onFailure: reject,
        mfaRequired: () => {
          mfa = true;
          onMfa().then((code) => user.sendMFACode(code, callbacks), reject);
        },
      };
      user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: PASSWORD }), callbacks);
    });
  }

  it('confirms the device on sign-in, remembers it on request, and signs in without MFA next time', async () => {
    const { poolId, clientId } = await devicePool('cid');
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: h.emulator.url });
    const smsCode = async () => (await latestMessage(h.emulator, 'cid')).code;
    const user = new CognitoUser({ Username: 'cid', Pool: pool });
    const first = await authenticate(user, smsCode);
    expect(first).toEqual({ userConfirmationNecessary: true, mfa: true });
    await new Promise((resolve, reject) => user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }));
    const again = await authenticate(new CognitoUser({ Username: 'cid', Pool: pool }), smsCode);
    expect(again.mfa).toBe(false);
  });
});
