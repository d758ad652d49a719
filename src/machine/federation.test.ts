import { describe, expect, it } from 'vitest';
import { federationOf, labelOf, type ProviderOption, ssoTargetFor } from './federation';

const PROVIDERS: ProviderOption[] = [
  { name: 'Google', label: 'Google (demo)', emailDomains: [], button: true },
  { name: 'Acme', label: 'Acme SSO', emailDomains: ['acme.example', 'acme-corp.example'], button: false },
];
const identities = (list: unknown[]) => JSON.stringify(list);

describe('single sign-on by e-mail domain', () => {
  it('finds the provider of a typed e-mail\'s domain, in any case, and keeps the e-mail as a login hint', () => {
    expect(ssoTargetFor(' Ann@ACME-corp.Example ', PROVIDERS)).toEqual({ idpIdentifier: 'acme-corp.example', label: 'Acme SSO', loginHint: 'Ann@ACME-corp.Example' });
  });
  it.each(['ann', 'ann@other.example', '@acme.example', 'ann@acme.example.evil', 'ann@sub.acme.example', ''])('leaves %j to the password', (typed) => {
    expect(ssoTargetFor(typed, PROVIDERS)).toBeUndefined();
  });
});

describe('federationOf', () => {
  it('a federated user: named <ProviderName>_<id> (also lower-cased, as case-insensitive pools show it)', () => {
    const attributes = { identities: identities([{ userId: '1234', providerName: 'Google', providerType: 'Google' }]) };
    expect(federationOf({ username: 'Google_1234', attributes })).toEqual({ federatedUser: { provider: 'Google' }, linked: [] });
    expect(federationOf({ username: 'google_1234', attributes })).toEqual({ federatedUser: { provider: 'Google' }, linked: [] });
  });
  it('a native user with a linked identity keeps being native', () => {
    const attributes = { identities: identities([{ userId: '1234', providerName: 'Google' }]) };
    expect(federationOf({ username: 'ann', attributes })).toEqual({ linked: ['Google'] });
  });
  it('no identities, or a broken attribute: neither', () => {
    expect(federationOf({ username: 'ann', attributes: {} })).toEqual({ linked: [] });
    expect(federationOf({ username: 'ann', attributes: { identities: 'not json' } })).toEqual({ linked: [] });
  });
  it('labels come from the config, else the provider\'s own name', () => {
    expect(labelOf('Google', PROVIDERS)).toBe('Google (demo)');
    expect(labelOf('SignInWithApple', PROVIDERS)).toBe('Apple');
    expect(labelOf('Okta', PROVIDERS)).toBe('Okta');
  });
});
