import { describe, expect, it } from 'vitest';
import { type ActorRefFrom, createActor, waitFor } from 'xstate';
import type { ContactMachine } from './contact-machine';
import { CognitoLikeError, createFakeApi } from '../testing/fake-api';
import { createSecurityMachine } from './security-machine';
import type { AuthApi, DeviceInfo, MfaSettings, SecurityState } from './types';

const user = (attributes: Record<string, string> = {}) => ({ username: 'ann', attributes: { sub: '1', ...attributes } });

/** A backend with state: loadSecurity reads what updateMfa and friends wrote. */
function backend(initial: { attributes?: Record<string, string>; mfa?: MfaSettings } = {}) {
  let attributes: Record<string, string> = { sub: '1', ...initial.attributes };
  let mfa: MfaSettings = initial.mfa ?? { enabled: [] };
  let devices: DeviceInfo[] = [
    { id: 'eu-west-1_a', name: 'Laptop', remembered: true, current: true },
    { id: 'eu-west-1_b', name: 'Phone', remembered: false, current: false },
  ];
  const api: Partial<AuthApi> = {
    loadSecurity: () => Promise.resolve<SecurityState>({ user: { username: 'ann', attributes }, mfa, devices }),
    forgetDevice: ({ id }) => {
      devices = devices.filter((d) => d.id !== id);
      return Promise.resolve();
    },
    updateMfa: ({ sms, totp, email }) => {
      const enabled = new Set(mfa.enabled);
      let preferred = mfa.preferred;
      for (const [type, change] of [['SMS', sms], ['TOTP', totp], ['EMAIL', email]] as const) {
        if (change === 'ENABLED' || change === 'PREFERRED') enabled.add(type);
        if (change === 'DISABLED') (enabled.delete(type), preferred === type && (preferred = undefined));
        if (change === 'PREFERRED') preferred = type;
      }
      mfa = { enabled: [...enabled], ...(preferred ? { preferred } : {}) };
      return Promise.resolve();
    },
    setContact: ({ attribute, value }) => {
      attributes = { ...attributes, [attribute]: value, [`${attribute}_verified`]: 'false' };
      return Promise.resolve({ verificationSent: true, destination: attribute === 'email' ? 'a***@e***' : '+*******0100' });
    },
    confirmContact: ({ attribute, code }) => {
      if (code !== '123456') return Promise.reject(new CognitoLikeError('CodeMismatchException', 'Invalid verification code provided, please try again.'));
      attributes = { ...attributes, [`${attribute}_verified`]: 'true' };
      return Promise.resolve();
    },
    sendContactCode: ({ attribute }) => Promise.resolve({ destination: attribute === 'email' ? 'a***@e***' : '+*******0100' }),
    changePassword: ({ oldPassword }) => (oldPassword === 'right' ? Promise.resolve() : Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Incorrect username or password.'))),
    beginTotpSetup: () => Promise.resolve({ secret: 'SECRET', uri: 'otpauth://totp/x' }),
    verifyTotpSetup: ({ code }) => (code === '123456' ? Promise.resolve() : Promise.reject(new CognitoLikeError('EnableSoftwareTokenMFAException', 'Code mismatch'))),
    verifyPassword: ({ password }) => (password === 'right' ? Promise.resolve() : Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Incorrect username or password.'))),
  };
  return { api, mfa: () => mfa, attributes: () => attributes };
}

function start(api: Partial<AuthApi>, mfaRequired = false) {
  const fake = createFakeApi(api);
  const actor = createActor(createSecurityMachine(fake.api), { input: { mfaRequired } });
  actor.start();
  return { actor, calls: fake.calls };
}
type Actor = ReturnType<typeof start>['actor'];
const settled = (actor: Actor) => waitFor(actor, (s) => !s.hasTag('pending'));
/** The contact child (phone or e-mail) while its screen is open. */
const contact = (actor: Actor) => actor.getSnapshot().children.contact as ActorRefFrom<ContactMachine>;
const contactSettled = (actor: Actor) => waitFor(contact(actor), (s) => !s.hasTag('pending'));

describe('account security machine', () => {
  it('loads the state, and offers a retry when loading fails', async () => {
    let fail = true;
    const { actor } = start({
      loadSecurity: () => (fail ? Promise.reject(new CognitoLikeError('NetworkError', 'offline')) : Promise.resolve({ user: user(), mfa: { enabled: [] } })),
    });
    let s = await settled(actor);
    expect(s.value).toBe('loadFailed');
    expect(s.context.error?.kind).toBe('network');
    fail = false;
    actor.send({ type: 'RETRY' });
    s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.error).toBeUndefined();
  });

  it('turns SMS on directly when the user has a phone, and re-reads the state', async () => {
    const b = backend({ attributes: { phone_number: '+12065550100', phone_number_verified: 'true' } });
    const { actor, calls } = start(b.api);
    await settled(actor);
    actor.send({ type: 'ENABLE_SMS' });
    const s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.success).toBe('smsOn');
    expect(s.context.security?.mfa.enabled).toEqual(['SMS']);
    expect(calls.map((c) => c.method)).toEqual(['loadSecurity', 'updateMfa', 'loadSecurity']);
  });

  it('adds and verifies a phone number first when there is none, with a wrong code retried', async () => {
    const b = backend();
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'ENABLE_SMS' });
    expect(actor.getSnapshot().value).toBe('phone');
    expect(contact(actor).getSnapshot().value).toBe('entering');
    contact(actor).send({ type: 'SUBMIT_VALUE', value: '+12065550100' });
    let c = await contactSettled(actor);
    expect(c.value).toBe('verifying');
    expect(c.context.destination).toBe('+*******0100');
    contact(actor).send({ type: 'SUBMIT_CODE', code: '000000' });
    c = await contactSettled(actor);
    expect(c.value).toBe('verifying');
    expect(c.context.error?.kind).toBe('wrongCode');
    contact(actor).send({ type: 'RESEND' });
    c = await contactSettled(actor);
    expect(c.context.notice).toBe('codeResent');
    contact(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await waitFor(actor, (x) => x.matches('ready') && !x.hasTag('pending'));
    expect(s.context.success).toBe('smsOn');
    expect(b.attributes().phone_number_verified).toBe('true');
    expect(b.mfa().enabled).toEqual(['SMS']);
  });

  it('enables SMS at once when the pool does not verify phones', async () => {
    const b = backend();
    const { actor } = start({ ...b.api, setContact: () => Promise.resolve({ verificationSent: false }) });
    await settled(actor);
    actor.send({ type: 'ENABLE_SMS' });
    contact(actor).send({ type: 'SUBMIT_VALUE', value: '+12065550100' });
    const s = await waitFor(actor, (x) => x.matches('ready') && !x.hasTag('pending'));
    expect(s.context.success).toBe('smsOn');
    expect(b.mfa().enabled).toEqual(['SMS']);
  });

  it('keeps the phone form with an error when the number is refused', async () => {
    const { actor } = start({ ...backend().api, setContact: () => Promise.reject(new CognitoLikeError('InvalidParameterException', 'Invalid phone number format.')) });
    await settled(actor);
    actor.send({ type: 'ENABLE_SMS' });
    contact(actor).send({ type: 'SUBMIT_VALUE', value: '+1' });
    const c = await contactSettled(actor);
    expect(c.value).toBe('entering');
    expect(c.context.error?.kind).toBe('invalidInput');
  });

  it('changes the e-mail address and verifies it; cancelling half-way re-reads what Cognito now has', async () => {
    const b = backend({ attributes: { email: 'old@example.com', email_verified: 'true' } });
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'CHANGE_EMAIL' });
    contact(actor).send({ type: 'SUBMIT_VALUE', value: 'new@example.com' });
    await contactSettled(actor);
    actor.send({ type: 'CANCEL' });
    let s = await waitFor(actor, (x) => x.matches('ready') && !x.hasTag('pending'));
    expect(s.context.security?.user.attributes).toMatchObject({ email: 'new@example.com', email_verified: 'false' });
    actor.send({ type: 'VERIFY_EMAIL' });
    const c = await contactSettled(actor);
    expect(c.value).toBe('verifying');
    contact(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
    s = await waitFor(actor, (x) => x.matches('ready') && !x.hasTag('pending'));
    expect(s.context.success).toBe('emailVerified');
    expect(s.context.security?.user.attributes.email_verified).toBe('true');
  });

  it('changes the password: a wrong current one says so, the right one succeeds', async () => {
    const { actor, calls } = start(backend().api);
    await settled(actor);
    actor.send({ type: 'CHANGE_PASSWORD' });
    actor.send({ type: 'SUBMIT_PASSWORD_CHANGE', oldPassword: 'wrong', newPassword: 'New-Passw0rd!' });
    let s = await settled(actor);
    expect(s.matches({ changePassword: 'entering' })).toBe(true);
    expect(s.context.error?.kind).toBe('wrongCurrentPassword');
    actor.send({ type: 'SUBMIT_PASSWORD_CHANGE', oldPassword: 'right', newPassword: 'New-Passw0rd!' });
    s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.success).toBe('passwordChanged');
    expect(calls.filter((c) => c.method === 'changePassword')).toHaveLength(2);
  });

  it('sets up TOTP (wrong code first), then enables it', async () => {
    const b = backend();
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'SET_UP_TOTP' });
    let s = await settled(actor);
    expect(s.matches({ totpSetup: 'entering' })).toBe(true);
    expect(s.context.totpSetup).toEqual({ secret: 'SECRET', uri: 'otpauth://totp/x' });
    actor.send({ type: 'SUBMIT_CODE', code: '000000' });
    s = await settled(actor);
    expect(s.matches({ totpSetup: 'entering' })).toBe(true);
    expect(s.context.error?.kind).toBe('wrongCode');
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.success).toBe('totpOn');
    expect(s.context.totpSetup).toBeUndefined();
    expect(b.mfa().enabled).toEqual(['TOTP']);
  });

  it('says so when the pool does not allow TOTP', async () => {
    const { actor } = start({ ...backend().api, beginTotpSetup: () => Promise.reject(new CognitoLikeError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.')) });
    await settled(actor);
    actor.send({ type: 'SET_UP_TOTP' });
    const s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.error?.kind).toBe('totpNotEnabled');
  });

  it('warns before replacing an existing authenticator, and can be cancelled', async () => {
    const { actor } = start(backend({ mfa: { enabled: ['TOTP'] } }).api);
    await settled(actor);
    actor.send({ type: 'SET_UP_TOTP' });
    expect(actor.getSnapshot().value).toBe('confirmReplace');
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('ready');
    actor.send({ type: 'SET_UP_TOTP' });
    actor.send({ type: 'CONFIRM_REPLACE' });
    expect((await settled(actor)).matches({ totpSetup: 'entering' })).toBe(true);
  });

  it('removes TOTP only after the password is confirmed; a wrong one changes nothing', async () => {
    const b = backend({ mfa: { enabled: ['TOTP'], preferred: 'TOTP' } });
    const { actor, calls } = start(b.api);
    await settled(actor);
    actor.send({ type: 'REMOVE_TOTP' });
    actor.send({ type: 'SUBMIT_PASSWORD', password: 'wrong' });
    let s = await settled(actor);
    expect(s.matches({ removeTotp: 'entering' })).toBe(true);
    expect(s.context.error?.kind).toBe('badCredentials');
    expect(calls.some((c) => c.method === 'updateMfa')).toBe(false);
    expect(b.mfa().enabled).toEqual(['TOTP']);
    actor.send({ type: 'SUBMIT_PASSWORD', password: 'right' });
    s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.success).toBe('totpRemoved');
    expect(calls).toContainEqual({ method: 'updateMfa', args: [{ totp: 'DISABLED' }] });
    expect(b.mfa()).toEqual({ enabled: [] });
  });

  it('chooses the preferred factor', async () => {
    const b = backend({ attributes: { phone_number: '+12065550100' }, mfa: { enabled: ['SMS', 'TOTP'] } });
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'SET_PREFERRED', mfa: 'TOTP' });
    let s = await settled(actor);
    expect(s.context.security?.mfa.preferred).toBe('TOTP');
    actor.send({ type: 'SET_PREFERRED', mfa: 'SMS' });
    s = await settled(actor);
    expect(s.context.security?.mfa.preferred).toBe('SMS');
    expect(s.context.success).toBe('preferredSet');
  });

  it('turns SMS off, and reports a failed change after re-reading the real state', async () => {
    const b = backend({ attributes: { phone_number: '+12065550100' }, mfa: { enabled: ['SMS'] } });
    let fail = true;
    const { actor, calls } = start({ ...b.api, updateMfa: (input) => (fail ? Promise.reject(new CognitoLikeError('NetworkError', 'offline')) : b.api.updateMfa!(input)) });
    await settled(actor);
    actor.send({ type: 'DISABLE_SMS' });
    let s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(s.context.error?.kind).toBe('network');
    expect(s.context.success).toBeUndefined();
    expect(s.context.security?.mfa.enabled).toEqual(['SMS']);
    expect(calls.filter((c) => c.method === 'loadSecurity')).toHaveLength(2);
    fail = false;
    actor.send({ type: 'DISABLE_SMS' });
    s = await settled(actor);
    expect(s.context.success).toBe('smsOff');
    expect(s.context.security?.mfa.enabled).toEqual([]);
  });

  it('refuses to turn off the last factor when the pool requires MFA, without calling the backend', async () => {
    const b = backend({ attributes: { phone_number: '+12065550100' }, mfa: { enabled: ['SMS'] } });
    const { actor, calls } = start(b.api, true);
    await settled(actor);
    actor.send({ type: 'DISABLE_SMS' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.error?.kind).toBe('mfaRequired');
    expect(calls.map((c) => c.method)).toEqual(['loadSecurity']);
  });

  it('never removes the authenticator app when the pool requires MFA (Cognito refuses it), but turns SMS off while TOTP remains', async () => {
    const b = backend({ attributes: { phone_number: '+12065550100' }, mfa: { enabled: ['SMS', 'TOTP'] } });
    const { actor, calls } = start(b.api, true);
    await settled(actor);
    actor.send({ type: 'REMOVE_TOTP' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.error?.kind).toBe('totpRequired');
    actor.send({ type: 'DISABLE_SMS' });
    await settled(actor);
    expect(b.mfa().enabled).toEqual(['TOTP']);
    expect(calls.filter((c) => c.method === 'verifyPassword')).toHaveLength(0);
  });

  it('a replacement left half-way says the app is off, offers to finish, and finishing turns it back on', async () => {
    const b = backend({ mfa: { enabled: ['TOTP'] } });
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'SET_UP_TOTP' });
    expect(actor.getSnapshot().value).toBe('confirmReplace');
    actor.send({ type: 'CONFIRM_REPLACE' });
    await waitFor(actor, (s) => s.matches({ totpSetup: 'entering' }));
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('replaceUnfinished');
    actor.send({ type: 'LEAVE_OFF' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.totpSuspended).toBe(true);
    // From here, setting up needs no second warning: the old app is gone already.
    actor.send({ type: 'SET_UP_TOTP' });
    await waitFor(actor, (s) => s.matches({ totpSetup: 'entering' }));
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('replaceUnfinished');
    actor.send({ type: 'FINISH_SETUP' });
    await waitFor(actor, (s) => s.matches({ totpSetup: 'entering' }));
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const done = await waitFor(actor, (s) => s.matches('ready') && !s.hasTag('pending'));
    expect(done.context.totpSuspended).toBe(false);
    expect(done.context.success).toBe('totpOn');
  });

  it('cancelling a first set-up, or a replacement that never got a new key, leaves nothing half-done', async () => {
    const b = backend({ mfa: { enabled: ['TOTP'] } });
    let fail = true;
    const { actor } = start({ ...b.api, beginTotpSetup: () => (fail ? Promise.reject(new CognitoLikeError('NetworkError', 'offline')) : Promise.resolve({ secret: 'S', uri: 'u' })) });
    await settled(actor);
    actor.send({ type: 'SET_UP_TOTP' });
    actor.send({ type: 'CONFIRM_REPLACE' });
    const failed = await settled(actor);
    expect(failed.value).toBe('ready');
    expect(failed.context.totpSuspended).toBeFalsy();
    fail = false;
    const fresh = backend();
    const second = start(fresh.api).actor;
    await settled(second);
    second.send({ type: 'SET_UP_TOTP' });
    await waitFor(second, (s) => s.matches({ totpSetup: 'entering' }));
    second.send({ type: 'CANCEL' });
    expect(second.getSnapshot().value).toBe('ready');
  });
});

describe('e-mail codes and devices in account security', () => {
  it('turns e-mail codes on at once for a verified address, makes them preferred, and turns them off', async () => {
    const b = backend({ attributes: { email: 'ann@example.com', email_verified: 'true' }, mfa: { enabled: ['TOTP'] } });
    const { actor, calls } = start(b.api);
    await settled(actor);
    actor.send({ type: 'ENABLE_EMAIL_MFA' });
    let s = await settled(actor);
    expect(s.context.success).toBe('emailMfaOn');
    expect(calls).toContainEqual({ method: 'updateMfa', args: [{ email: 'ENABLED' }] });
    actor.send({ type: 'SET_PREFERRED', mfa: 'EMAIL' });
    s = await settled(actor);
    expect(s.context.security?.mfa).toEqual({ enabled: ['TOTP', 'EMAIL'], preferred: 'EMAIL' });
    actor.send({ type: 'DISABLE_EMAIL_MFA' });
    s = await settled(actor);
    expect(s.context.success).toBe('emailMfaOff');
    expect(b.mfa()).toEqual({ enabled: ['TOTP'] });
  });

  it('verifies an unverified address first (inline), then turns e-mail codes on; a wrong code changes nothing', async () => {
    const b = backend({ attributes: { email: 'ann@example.com', email_verified: 'false' } });
    const { actor, calls } = start(b.api);
    await settled(actor);
    actor.send({ type: 'ENABLE_EMAIL_MFA' });
    expect(actor.getSnapshot().value).toBe('emailForMfa');
    await contactSettled(actor);
    expect(calls).toContainEqual({ method: 'sendContactCode', args: [{ attribute: 'email' }] });
    contact(actor).send({ type: 'SUBMIT_CODE', code: '000000' });
    expect((await contactSettled(actor)).context.error?.kind).toBe('wrongCode');
    expect(calls.some((c) => c.method === 'updateMfa')).toBe(false);
    contact(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await waitFor(actor, (x) => x.matches('ready') && x.context.success !== undefined);
    expect(s.context.success).toBe('emailMfaOn');
    expect(b.mfa().enabled).toEqual(['EMAIL']);
  });

  it('cancelling the inline verification leaves e-mail codes off', async () => {
    const b = backend({ attributes: { email: 'ann@example.com', email_verified: 'false' } });
    const { actor } = start(b.api);
    await settled(actor);
    actor.send({ type: 'ENABLE_EMAIL_MFA' });
    await contactSettled(actor);
    actor.send({ type: 'CANCEL' });
    const s = await settled(actor);
    expect(s.value).toBe('ready');
    expect(b.mfa().enabled).toEqual([]);
  });

  it('will not turn off the last factor when MFA is required', async () => {
    const b = backend({ attributes: { email: 'ann@example.com', email_verified: 'true' }, mfa: { enabled: ['EMAIL'] } });
    const { actor, calls } = start(b.api, true);
    await settled(actor);
    actor.send({ type: 'DISABLE_EMAIL_MFA' });
    expect(actor.getSnapshot().context.error?.kind).toBe('mfaRequired');
    expect(calls.some((c) => c.method === 'updateMfa')).toBe(false);
  });

  it('forgets a device and re-reads the list; a failure is shown and the list stays', async () => {
    const b = backend();
    let fail = false;
    const { actor, calls } = start({ ...b.api, forgetDevice: (input) => (fail ? Promise.reject(new CognitoLikeError('NetworkError', 'offline')) : b.api.forgetDevice!(input)) });
    let s = await settled(actor);
    expect(s.context.security?.devices?.map((d) => d.id)).toEqual(['eu-west-1_a', 'eu-west-1_b']);
    actor.send({ type: 'FORGET_DEVICE', id: 'eu-west-1_b', current: false });
    s = await settled(actor);
    expect(s.context.success).toBe('deviceForgotten');
    expect(s.context.security?.devices?.map((d) => d.id)).toEqual(['eu-west-1_a']);
    expect(calls).toContainEqual({ method: 'forgetDevice', args: [{ id: 'eu-west-1_b', current: false }] });
    fail = true;
    actor.send({ type: 'FORGET_DEVICE', id: 'eu-west-1_a', current: true });
    s = await settled(actor);
    expect(s.context.error?.kind).toBe('network');
    expect(s.context.security?.devices).toHaveLength(1);
  });
});

describe('passkeys in account security', () => {
  it('adds a passkey (the browser prompts inside addPasskey); a cancelled prompt is shown and nothing changes', async () => {
    let fail = true;
    const { actor, calls } = start({
      loadSecurity: () => Promise.resolve({ user: user(), mfa: { enabled: [] }, passkeys: [] }),
      addPasskey: () => (fail ? Promise.reject(new CognitoLikeError('PasskeyRegistrationCanceled', 'cancelled')) : Promise.resolve()),
    });
    await settled(actor);
    actor.send({ type: 'ADD_PASSKEY' });
    let s = await settled(actor);
    expect(s.context.error?.kind).toBe('passkeyRegistrationCanceled');
    fail = false;
    actor.send({ type: 'ADD_PASSKEY' });
    s = await settled(actor);
    expect(s.context.success).toBe('passkeyAdded');
    expect(calls.filter((c) => c.method === 'addPasskey')).toHaveLength(2);
  });

  it('removes a passkey only after the backend accepted the password', async () => {
    const b = backend();
    const { actor, calls } = start({ ...b.api, loadSecurity: () => Promise.resolve({ user: user(), mfa: { enabled: [] }, passkeys: [{ id: 'cred-1', name: 'Passkey' }] }), deletePasskey: () => Promise.resolve() });
    await settled(actor);
    actor.send({ type: 'REMOVE_PASSKEY', id: 'cred-1' });
    expect(actor.getSnapshot().matches({ removePasskey: 'entering' })).toBe(true);
    actor.send({ type: 'SUBMIT_PASSWORD', password: 'wrong' });
    let s = await settled(actor);
    expect(s.context.error?.kind).toBe('badCredentials');
    expect(calls.some((c) => c.method === 'deletePasskey')).toBe(false);
    actor.send({ type: 'SUBMIT_PASSWORD', password: 'right' });
    s = await settled(actor);
    expect(s.context.success).toBe('passkeyRemoved');
    expect(calls).toContainEqual({ method: 'deletePasskey', args: [{ id: 'cred-1' }] });
  });
});
