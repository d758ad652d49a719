/** Generated paths over the flow machines the auth machine invokes: every state is reachable. */
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { createFakeApi } from '../testing/fake-api';
import { actorEvents, leafPaths, namedError, valuePath } from '../testing/graph';
import { createContactMachine } from './contact-machine';
import { createDeleteAccountMachine } from './delete-account-machine';
import { createFederationMachine } from './federation-machine';
import { createRecoveryMachine } from './recovery-machine';
import { createSignUpMachine } from './sign-up-machine';

const api = createFakeApi().api;
const ERRORS = [namedError('CodeMismatchException', 'Invalid code'), namedError('UserNotFoundException', 'User does not exist.')];
const DELIVERY = { medium: 'EMAIL', destination: 'a***@e***' };

function unreached(machine: AnyStateMachine, inputs: unknown[], events: EventObject[], outputs: Record<string, unknown[]>): string[] {
  const reached = new Set<string>();
  for (const input of inputs) {
    const paths = getShortestPaths(machine, {
      input,
      events: (snapshot) => [...events, ...actorEvents(snapshot as never, outputs, ERRORS)],
      serializeState: (s) => `${JSON.stringify(s.value)}|${JSON.stringify((s.context as { error?: { kind: string } }).error?.kind ?? '')}`,
    });
    for (const p of paths) reached.add(valuePath(p.state.value));
  }
  // Eventless choice points never rest.
  return leafPaths(machine.root).filter((p) => p !== 'starting' && !reached.has(p));
}

describe('paths over the flow machines', () => {
  it('contact verification: offer, enter, send', () => {
    const events: EventObject[] = [{ type: 'SEND_CODE' }, { type: 'SKIP' }, { type: 'SUBMIT_VALUE', value: 'a@example.com' } as EventObject, { type: 'SUBMIT_CODE', code: '123456' } as EventObject, { type: 'RESEND' }];
    const outputs = { setContact: [{ verificationSent: true, destination: 'a***@e***' }, { verificationSent: false }], sendContactCode: [{ destination: 'a***@e***' }], confirmContact: [undefined] };
    const inputs = (['offer', 'enter', 'send'] as const).map((start) => ({ attribute: 'email', start }));
    expect(unreached(createContactMachine(api), inputs, events, outputs)).toEqual([]);
  });

  it('recovery: request, confirm, resend, done', () => {
    const events: EventObject[] = [{ type: 'SUBMIT_USERNAME', username: 'ann' } as EventObject, { type: 'SUBMIT_RESET', code: '123456', password: 'New-Passw0rd!' } as EventObject, { type: 'RESEND' }];
    expect(unreached(createRecoveryMachine(api), [{ username: '' }], events, { resetPassword: [DELIVERY], confirmResetPassword: [undefined] })).toEqual([]);
  });

  it('sign-up: form, confirm, resend, done; and confirm-only', () => {
    const events: EventObject[] = [
      { type: 'SUBMIT_SIGN_UP', username: 'ann', email: 'a@example.com', password: 'Passw0rd!' } as EventObject,
      { type: 'SUBMIT_CODE', code: '123456' } as EventObject,
      { type: 'RESEND' },
    ];
    const outputs = { signUp: [{ confirmed: false, delivery: DELIVERY }, { confirmed: true }], confirmSignUp: [undefined], resendSignUpCode: [DELIVERY] };
    expect(unreached(createSignUpMachine(api), [{}, { username: 'ann', password: 'pw', confirmOnly: true }], events, outputs)).toEqual([]);
  });

  it('federation: off to the provider, and each way back (a code, an error, nothing)', () => {
    const target = { provider: 'Google', label: 'Google' };
    const inputs = [
      { target },
      { target, resume: { outcome: 'code' } },
      { target, resume: { outcome: 'error', error: 'invalid_request', description: 'attributes required: [email]' } },
      { target, resume: { outcome: 'none' } },
    ];
    const events: EventObject[] = [{ type: 'RETRY' }, { type: 'CANCEL' }];
    const outputs = { federatedSignIn: [undefined], completeFederatedSignIn: [undefined], settleFederatedReturn: [undefined], backWithoutSignIn: [undefined], abandonFederatedSignIn: [undefined] };
    expect(unreached(createFederationMachine(api), inputs, events, outputs)).toEqual([]);
  });

  it('deleting the account: with the password, a fresh provider sign-in, or one too old', () => {
    const events: EventObject[] = [{ type: 'SUBMIT_DELETE', password: 'pw' } as EventObject, { type: 'SUBMIT_DELETE' }, { type: 'CANCEL' }];
    const inputs = (['password', 'recentSignIn', 'signInAgain'] as const).map((proof) => ({ proof }));
    expect(unreached(createDeleteAccountMachine(api), inputs, events, { verifyPassword: [undefined], deleteAccount: [undefined] })).toEqual([]);
  });
});
