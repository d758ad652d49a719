/** Custom challenges: the answer, what the trigger decides next, and how the sign-in ends. */
import { describe, expect, it } from 'vitest';
import { type ActorRefFrom, createActor, waitFor } from 'xstate';
import type { CustomChallengeMachine } from './custom-challenge-machine';
import { CognitoLikeError, createFakeApi } from '../testing/fake-api';
import { createAuthMachine, type AuthMachineInput } from './auth-machine';
import type { AuthApi, SignInResult } from './types';

const QUESTION: SignInResult = { step: 'CUSTOM_CHALLENGE', parameters: { USERNAME: 'ann', question: 'Your first pet?' } };
const USER = { username: 'ann', attributes: { sub: '1' } };

/** A trigger that wants "rex", asks again after a wrong answer, and gives up after three. */
function petTrigger(): Partial<AuthApi> {
  let wrong = 0;
  return {
    signIn: () => Promise.resolve(QUESTION),
    confirmSignIn: ({ response }) => {
      if (response === 'rex') return Promise.resolve({ step: 'DONE' });
      wrong += 1;
      return wrong >= 3 ? Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Incorrect username or password.')) : Promise.resolve(QUESTION);
    },
    loadUser: () => Promise.resolve(USER),
  };
}

function start(overrides: Partial<AuthApi>, input: Partial<AuthMachineInput> = {}) {
  const fake = createFakeApi(overrides);
  const actor = createActor(createAuthMachine(fake.api), { input: { codeValidityMs: 180_000, ...input } });
  actor.start();
  return { actor, ...fake };
}

type Actor = ReturnType<typeof start>['actor'];
const challenge = (actor: Actor) => actor.getSnapshot().children.customChallenge as ActorRefFrom<CustomChallengeMachine> | undefined;
const childContext = (actor: Actor) => challenge(actor)!.getSnapshot().context;

async function signInTo(actor: Actor) {
  await waitFor(actor, (s) => s.matches('signIn'));
  actor.send({ type: 'SUBMIT_SIGN_IN', username: 'ann', password: 'pw' });
  await waitFor(actor, (s) => s.matches('customChallenge') && challenge(actor) !== undefined);
}

describe('a custom challenge', () => {
  it('shows the public parameters; the right answer signs in', async () => {
    const { actor, calls } = start(petTrigger());
    await signInTo(actor);
    expect(childContext(actor).parameters.question).toBe('Your first pet?');
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: ' rex ' });
    await waitFor(actor, (s) => s.matches('signedIn'));
    expect(calls.filter((c) => c.method === 'confirmSignIn').map((c) => c.args[0])).toEqual([{ response: 'rex' }]);
  });

  it('a wrong answer brings the same challenge back, marked not accepted; then the right one', async () => {
    const { actor } = start(petTrigger());
    await signInTo(actor);
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: 'tom' });
    await waitFor(challenge(actor)!, (c) => c.context.round === 1);
    expect(childContext(actor).notice).toBe('notAccepted');
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: 'rex' });
    await waitFor(actor, (s) => s.matches('signedIn'));
  });

  it('out of tries: back to the sign-in screen with the refusal', async () => {
    const { actor } = start(petTrigger());
    await signInTo(actor);
    const child = challenge(actor)!;
    for (let round = 0; round < 3; round++) {
      await waitFor(child, (c) => c.status === 'done' || c.matches('answering'));
      child.send({ type: 'SUBMIT_ANSWER', answer: 'tom' });
    }
    const s = await waitFor(actor, (x) => x.matches({ signIn: 'idle' }));
    expect(s.context.error?.kind).toBe('badCredentials');
  });

  it('an empty answer is not sent; a network error keeps the challenge to retry', async () => {
    let first = true;
    const { actor, calls } = start({
      ...petTrigger(),
      confirmSignIn: () => (first ? ((first = false), Promise.reject(new TypeError('Failed to fetch'))) : Promise.resolve({ step: 'DONE' })),
    });
    await signInTo(actor);
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: '  ' });
    expect(calls.filter((c) => c.method === 'confirmSignIn')).toHaveLength(0);
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: 'rex' });
    await waitFor(challenge(actor)!, (c) => c.context.error !== undefined);
    expect(actor.getSnapshot().matches('customChallenge')).toBe(true);
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: 'rex' });
    await waitFor(actor, (s) => s.matches('signedIn'));
  });

  it('a step after the challenges (MFA) is routed as any other', async () => {
    const { actor } = start({ ...petTrigger(), confirmSignIn: () => Promise.resolve({ step: 'TOTP_CODE' }) });
    await signInTo(actor);
    challenge(actor)!.send({ type: 'SUBMIT_ANSWER', answer: 'rex' });
    await waitFor(actor, (s) => s.matches('totpCode'));
  });

  it('Back leaves the challenge for the sign-in screen', async () => {
    const { actor } = start(petTrigger());
    await signInTo(actor);
    actor.send({ type: 'CANCEL' });
    await waitFor(actor, (s) => s.matches({ signIn: 'idle' }));
  });

  it('authFlow customWithoutSrp: the username alone starts the sign-in', async () => {
    const { actor, calls } = start(petTrigger(), { usernameOnly: true });
    await waitFor(actor, (s) => s.matches('signIn'));
    actor.send({ type: 'SUBMIT_USERNAME', username: ' ann ' });
    await waitFor(actor, (s) => s.matches('customChallenge'));
    expect(calls.find((c) => c.method === 'signIn')?.args[0]).toEqual({ username: 'ann', password: '' });
  });
});
