/** Federated sign-in in the machines (fake AuthApi): buttons, single sign-on by e-mail domain, the return's three endings, hosted mode. */
import { describe, expect, it, vi } from 'vitest';
import { type ActorRefFrom, createActor, waitFor } from 'xstate';
import { CognitoLikeError, createFakeApi } from '../testing/fake-api';
import { type AuthMachineInput, createAuthMachine, type ReturnTarget } from './auth-machine';
import type { ProviderOption } from './federation';
import type { FederationMachine } from './federation-machine';
import type { AuthApi } from './types';

const PROVIDERS: ProviderOption[] = [
  { name: 'Google', label: 'Google', emailDomains: [], button: true },
  { name: 'AcmeSAML', label: 'Acme SSO', emailDomains: ['acme.example'], button: false },
];
const USER = { username: 'Google_123', attributes: { sub: '1', email: 'ann@gmail.example' } };

function start(overrides: Partial<AuthApi> = {}, input: Partial<AuthMachineInput> = {}) {
  const fake = createFakeApi({ loadUser: () => Promise.resolve(USER), federatedSignIn: () => Promise.resolve(), ...overrides });
  const actor = createActor(createAuthMachine(fake.api), { input: { codeValidityMs: 180_000, providers: PROVIDERS, verifyEmail: false, ...input } });
  actor.start();
  return { actor, ...fake };
}
type Actor = ReturnType<typeof start>['actor'];
const settled = (actor: Actor) => waitFor(actor, (s) => !s.hasTag('pending'));
const federation = (actor: Actor) => actor.getSnapshot().children.federation as ActorRefFrom<FederationMachine> | undefined;

describe('leaving for the provider', () => {
  it('"Continue with Google" sends the browser to Google, and waits there', async () => {
    const { actor, calls } = start();
    await settled(actor);
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('away')).toBe(true));
    expect(actor.getSnapshot().matches('federation')).toBe(true);
    expect(calls).toContainEqual({ method: 'federatedSignIn', args: [{ target: { provider: 'Google', label: 'Google' }, returnTo: undefined, initialFlow: undefined }] });
  });

  it('an e-mail of an SSO domain goes to its provider by idp_identifier instead of asking for a password, in both sign-in modes', async () => {
    for (const passwordless of [false, true]) {
      const { actor, calls } = start({}, { passwordless });
      await settled(actor);
      actor.send(passwordless ? { type: 'SUBMIT_USERNAME', username: ' Ann@ACME.example ' } : { type: 'SUBMIT_SIGN_IN', username: ' Ann@ACME.example ', password: '' });
      await waitFor(actor, (s) => s.matches('federation'));
      expect(calls.filter((c) => c.method === 'signIn' || c.method === 'startPasswordless')).toEqual([]);
      await vi.waitFor(() => expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(true));
      expect(calls.find((c) => c.method === 'federatedSignIn')?.args[0]).toMatchObject({ target: { idpIdentifier: 'acme.example', label: 'Acme SSO', loginHint: 'Ann@ACME.example' } });
    }
  });

  it('everyone else signs in as before', async () => {
    const { actor, calls } = start({ signIn: () => Promise.resolve({ step: 'DONE' }) });
    await settled(actor);
    actor.send({ type: 'SUBMIT_SIGN_IN', username: 'ann@other.example', password: 'pw' });
    await waitFor(actor, (s) => s.matches({ signedIn: 'home' }));
    expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(false);
  });

  it('a provider not configured is not offered: the event does nothing', async () => {
    const { actor } = start();
    await settled(actor);
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Facebook' });
    expect(actor.getSnapshot().matches('signIn')).toBe(true);
  });

  it('an SSO e-mail typed into sign-up or recovery goes to its provider (its account is the provider\'s); another e-mail does nothing', async () => {
    for (const flow of ['SIGN_UP', 'FORGOT_PASSWORD'] as const) {
      const { actor, calls } = start({}, { signUpEnabled: true });
      await settled(actor);
      actor.send(flow === 'SIGN_UP' ? { type: 'SIGN_UP' } : { type: 'FORGOT_PASSWORD', username: '' });
      actor.send({ type: 'SIGN_IN_WITH_SSO', email: 'ann@gmail.example' });
      expect(actor.getSnapshot().matches(flow === 'SIGN_UP' ? 'signUp' : 'recovery'), flow).toBe(true);
      actor.send({ type: 'SIGN_IN_WITH_SSO', email: 'ann@acme.example' });
      await vi.waitFor(() => expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(true));
      expect(calls.find((c) => c.method === 'federatedSignIn')?.args[0], flow).toMatchObject({ target: { idpIdentifier: 'acme.example', loginHint: 'ann@acme.example' } });
    }
  });

  it('hosted mode: the return target travels with the sign-in', async () => {
    const returnTo: ReturnTarget = { kind: 'redirect', uri: 'https://app.example/cb', state: 's1' };
    const { actor, calls } = start({}, { returnTo });
    await settled(actor);
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(true));
    expect(calls.find((c) => c.method === 'federatedSignIn')?.args[0]).toMatchObject({ returnTo });
  });

  it('from the sign-up screen too', async () => {
    const { actor, calls } = start({}, { signUpEnabled: true });
    await settled(actor);
    actor.send({ type: 'SIGN_UP' });
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(true));
  });

  it('if the browser can\'t leave (Amplify refuses), the error shows with "try again"', async () => {
    let tries = 0;
    const { actor } = start({ federatedSignIn: () => (tries++ === 0 ? Promise.reject(new CognitoLikeError('OAuthSignInException', 'boom')) : Promise.resolve()) });
    await settled(actor);
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('failed')).toBe(true));
    expect(federation(actor)?.getSnapshot().context.error).toMatchObject({ kind: 'providerFailed' });
    federation(actor)?.send({ type: 'RETRY' });
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('away')).toBe(true));
    expect(tries).toBe(2);
  });
});

describe('the return from the provider', () => {
  const returning = (resume: NonNullable<AuthMachineInput['returning']>['resume']) => ({ returning: { target: { provider: 'Google', label: 'Google' }, resume } });

  it('with a code: Amplify completes it, then the user is loaded and signed in (no session restore first)', async () => {
    const { actor, calls } = start({ completeFederatedSignIn: () => Promise.resolve() }, returning({ outcome: 'code' }));
    const s = await waitFor(actor, (x) => x.matches({ signedIn: 'home' }));
    expect(s.context.user).toEqual(USER);
    expect(calls.map((c) => c.method)).toEqual(['completeFederatedSignIn', 'loadUser']);
    expect(calls[0].args).toEqual([{ label: 'Google' }]);
  });

  it('with an error from the provider or Cognito: explained, with "try again" (back to the provider) or "choose another way" (sign-in)', async () => {
    const { actor, calls } = start({}, returning({ outcome: 'error', error: 'invalid_request', description: 'attributes required: [email]' }));
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('failed')).toBe(true));
    expect(federation(actor)?.getSnapshot().context.error).toEqual({ kind: 'providerAttributes', name: 'invalid_request', message: 'attributes required: [email]' });
    // Amplify saw the return (its sign-in in flight ends), but exchanged nothing.
    expect(calls.map((c) => c.method)).toEqual(['settleFederatedReturn']);
    federation(actor)?.send({ type: 'CANCEL' });
    const s = await waitFor(actor, (x) => x.matches('signIn'));
    expect(s.context.notice).toBeUndefined();
    expect(s.context.federation).toBeUndefined();
  });

  it('cancelled at the provider (access_denied), or back with nothing: the sign-in screen, saying so', async () => {
    for (const resume of [{ outcome: 'error' as const, error: 'access_denied', description: 'The user cancelled.' }, { outcome: 'none' as const }]) {
      const { actor } = start({}, returning(resume));
      const s = await waitFor(actor, (x) => x.matches('signIn'));
      expect(s.context.notice).toBe('providerCancelled');
    }
  });

  it('a state that doesn\'t match (Amplify refuses the return): an error, nobody signed in', async () => {
    const { actor, calls } = start(
      { completeFederatedSignIn: () => Promise.reject(new CognitoLikeError('OAuthSignInException', 'An error occurred while validating the state.')) },
      returning({ outcome: 'code' }),
    );
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('failed')).toBe(true));
    expect(federation(actor)?.getSnapshot().context.error?.kind).toBe('providerState');
    expect(calls.some((c) => c.method === 'loadUser')).toBe(false);
  });

  it('hosted mode: signed in after the return, the user is handed back to the relying app', async () => {
    const left: ReturnTarget[] = [];
    const fake = createFakeApi({ loadUser: () => Promise.resolve(USER), completeFederatedSignIn: () => Promise.resolve() });
    const actor = createActor(createAuthMachine(fake.api, { leave: (target) => left.push(target) }), {
      input: { codeValidityMs: 1, providers: PROVIDERS, verifyEmail: false, returnTo: { kind: 'redirect', uri: 'https://app.example/cb', state: 's1' }, ...returning({ outcome: 'code' }) },
    });
    actor.start();
    await waitFor(actor, (s) => s.matches('leaving'));
    expect(left).toEqual([{ kind: 'redirect', uri: 'https://app.example/cb', state: 's1' }]);
  });
});

describe('signing out', () => {
  it('hosted /logout: the return target goes with the sign-out (it may pass through the pool domain)', async () => {
    const returnTo: ReturnTarget = { kind: 'redirect', uri: 'https://app.example/bye' };
    const { actor, calls } = start({ restoreSession: () => Promise.resolve({ user: USER }) }, { logout: { global: false }, returnTo });
    await waitFor(actor, (s) => s.matches('leaving'));
    expect(calls).toContainEqual({ method: 'signOut', args: [{ global: false, returnTo }] });
  });

  it('the notice a return from the domain\'s /logout brings is shown on the sign-in screen', async () => {
    const { actor } = start({}, { notice: 'signedOut' });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('signedOut');
  });
});

describe('after a federated sign-in', () => {
  it('a federated user is not offered to verify an e-mail their provider gave (no password to reset here)', async () => {
    const federated = { username: 'Acme_ann@acme.example', attributes: { email: 'ann@acme.example', identities: JSON.stringify([{ userId: 'ann@acme.example', providerName: 'Acme' }]) } };
    const { actor } = start({ loadUser: () => Promise.resolve(federated), completeFederatedSignIn: () => Promise.resolve() }, { verifyEmail: true, returning: { target: { provider: 'Acme', label: 'Acme' }, resume: { outcome: 'code' } } });
    await waitFor(actor, (s) => s.matches({ signedIn: 'home' }));
  });
});

describe('while the session is still being restored', () => {
  it('"Continue with Google" is held, then goes ahead once nobody is found signed in', async () => {
    let restored!: (v: { user: null; interrupted: boolean }) => void;
    const { actor, calls } = start({ restoreSession: () => new Promise((r) => (restored = r)) });
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    expect(actor.getSnapshot().matches('restoring')).toBe(true);
    restored({ user: null, interrupted: false });
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(true));
  });

  it('the last press counts: a password sign-in after "Continue with Google" goes ahead alone, and the other way round', async () => {
    for (const order of ['providerFirst', 'passwordFirst'] as const) {
      let restored!: (v: { user: null; interrupted: boolean }) => void;
      const { actor, calls } = start({ restoreSession: () => new Promise((r) => (restored = r)), signIn: () => Promise.resolve({ step: 'DONE' }) });
      const provider = { type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' } as const;
      const password = { type: 'SUBMIT_SIGN_IN', username: 'ann', password: 'pw' } as const;
      for (const event of order === 'providerFirst' ? [provider, password] : [password, provider]) actor.send(event);
      restored({ user: null, interrupted: false });
      await vi.waitFor(() => expect(calls.some((c) => c.method === 'signIn' || c.method === 'federatedSignIn')).toBe(true));
      await settled(actor).catch(() => {});
      const made = calls.filter((c) => c.method === 'signIn' || c.method === 'federatedSignIn').map((c) => c.method);
      expect(made, order).toEqual([order === 'providerFirst' ? 'signIn' : 'federatedSignIn']);
    }
  });

  it('a press held during restore is dropped when the person goes to another flow (forgotten password)', async () => {
    let restored!: (v: { user: null; interrupted: boolean }) => void;
    const { actor, calls } = start({ restoreSession: () => new Promise((r) => (restored = r)) });
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    actor.send({ type: 'FORGOT_PASSWORD', username: '' });
    restored({ user: null, interrupted: false });
    expect(actor.getSnapshot().matches('recovery')).toBe(true);
    actor.send({ type: 'CANCEL' });
    await settled(actor);
    expect(calls.some((c) => c.method === 'federatedSignIn')).toBe(false);
  });
});

describe('changing one\'s mind', () => {
  it('while the provider\'s page is loading, "choose another way" goes back to the sign-in screen', async () => {
    const { actor } = start();
    await settled(actor);
    actor.send({ type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' });
    await vi.waitFor(() => expect(federation(actor)?.getSnapshot().matches('away')).toBe(true));
    federation(actor)?.send({ type: 'CANCEL' });
    const s = await waitFor(actor, (x) => x.matches('signIn'));
    expect(s.context.federation).toBeUndefined();
  });
});
