import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../testing/fake-api';
import { createLazyAuthApi } from './lazy-auth-api';

describe('createLazyAuthApi', () => {
  it('loads the implementation once, on the first call, and passes calls through', async () => {
    const fake = createFakeApi({ signIn: () => Promise.resolve({ step: 'DONE' }) });
    let loads = 0;
    const api = createLazyAuthApi(() => (loads++, Promise.resolve(fake.api)));
    expect(loads).toBe(0);
    expect(await api.signIn({ username: 'ann', password: 'pw' })).toEqual({ step: 'DONE' });
    await api.restoreSession();
    expect(loads).toBe(1);
    expect(fake.calls.map((c) => c.method)).toEqual(['signIn', 'restoreSession']);
  });

  it('a failed load fails the call, and the next call tries again', async () => {
    const fake = createFakeApi();
    let fail = true;
    const api = createLazyAuthApi(() => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(fake.api)));
    await expect(api.restoreSession()).rejects.toThrow('Failed to fetch');
    fail = false;
    await expect(api.restoreSession()).resolves.toEqual({ user: null, interrupted: false });
  });
});
