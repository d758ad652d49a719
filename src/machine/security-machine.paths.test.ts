/** Generated paths over the account-security machine: every state is reachable. */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { createFakeApi } from '../testing/fake-api';
import { actorEvents, leafPaths, namedError, valuePath } from '../testing/graph';
import { createSecurityMachine, type SecurityEvent } from './security-machine';

const USER = { username: 'ann', attributes: { phone_number: '+12065550100' } };
const OUTPUTS: Record<string, unknown[]> = {
  load: [{ user: USER, mfa: { enabled: ['TOTP'] } }, { user: { username: 'ann', attributes: {} }, mfa: { enabled: [] } }],
  updateMfa: [undefined],
  beginTotpSetup: [{ secret: 'S', uri: 'otpauth://totp/x' }],
  verifyTotpSetup: [undefined],
  verifyPassword: [undefined],
  contact: [{ outcome: 'verified', attribute: 'email' }, { outcome: 'saved', attribute: 'email' }],
  changePassword: [undefined],
  forgetDevice: [undefined],
  addPasskey: [undefined],
  deletePasskey: [undefined],
  deleteAccount: [{ outcome: 'deleted' }, { outcome: 'cancelled' }],
};
const ERRORS = [namedError('CodeMismatchException', 'Invalid code'), namedError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.')];
const EVENTS: SecurityEvent[] = [
  { type: 'ENABLE_SMS' },
  { type: 'DISABLE_SMS' },
  { type: 'SET_UP_TOTP' },
  { type: 'CONFIRM_REPLACE' },
  { type: 'REMOVE_TOTP' },
  { type: 'SET_PREFERRED', mfa: 'SMS' },
  { type: 'SET_PREFERRED', mfa: 'EMAIL' },
  { type: 'ENABLE_EMAIL_MFA' },
  { type: 'DISABLE_EMAIL_MFA' },
  { type: 'FORGET_DEVICE', id: 'eu-west-1_d', current: true },
  { type: 'ADD_PASSKEY' },
  { type: 'REMOVE_PASSKEY', id: 'cred-1' },
  { type: 'SUBMIT_CODE', code: '123456' },
  { type: 'SUBMIT_PASSWORD', password: 'pw' },
  { type: 'CHANGE_PHONE' },
  { type: 'CHANGE_EMAIL' },
  { type: 'VERIFY_EMAIL' },
  { type: 'CHANGE_PASSWORD' },
  { type: 'SUBMIT_PASSWORD_CHANGE', oldPassword: 'old', newPassword: 'New-Passw0rd!' },
  { type: 'FINISH_SETUP' },
  { type: 'LEAVE_OFF' },
  { type: 'CANCEL' },
  { type: 'RETRY' },
  { type: 'DELETE_ACCOUNT' },
];

describe('paths over the account-security machine graph', () => {
  it('reach every state', () => {
    const machine = createSecurityMachine(createFakeApi().api);
    // Opened from account security, or straight into a deletion (hosted /delete-account).
    const paths = [{ mfaRequired: false }, { mfaRequired: false, openDeletion: true }].flatMap((input) =>
      getShortestPaths(machine, {
        input,
        events: (snapshot) => [...EVENTS, ...(actorEvents(snapshot, OUTPUTS, ERRORS) as SecurityEvent[])],
        serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.error?.kind ?? ''}|${s.context.success ?? ''}|${s.context.security?.mfa.enabled.join() ?? ''}`,
      }),
    );
    const reached = new Set(paths.map((p) => valuePath(p.state.value)));
    // Eventless steps (enabling → updating) never rest.
    const resting = leafPaths(machine.root).filter((p) => !p.endsWith('.enabling'));
    expect(resting.filter((p) => !reached.has(p))).toEqual([]);
  });
});
