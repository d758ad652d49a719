import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const example = JSON.parse(readFileSync(new URL('../public/config.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('public/config.example.json', () => {
  it('is a valid config that shows every key the app reads', () => {
    const parsed = parseConfig(example);
    // Every key the parser produces is in the example, and every key in the example is one the parser reads.
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(example).sort());
    expect(parsed).toEqual(example);
  });
});

describe('parseConfig', () => {
  it('needs a pool id that names its region, and fills the defaults', () => {
    expect(() => parseConfig({ userPoolId: 'nope', userPoolClientId: 'c' })).toThrow(ConfigError);
    expect(parseConfig({ userPoolId: 'eu-west-1_abc', userPoolClientId: 'c' })).toMatchObject({ region: 'eu-west-1', sessionMinutes: 3, appName: 'Sign in', redirectAllowList: [] });
  });
});

describe('federation config', () => {
  const base = { userPoolId: 'eu-west-1_abc', userPoolClientId: 'c' };
  const oauth = { domain: 'acme.auth.eu-west-1.amazoncognito.com', redirectSignIn: ['https://signin.example.com/'], redirectSignOut: ['https://signin.example.com/'] };

  it('is off without oauth: no providers', () => {
    expect(parseConfig(base)).toMatchObject({ providers: [] });
    expect(parseConfig(base).oauth).toBeUndefined();
  });

  it('fills the scopes, the labels of social providers and Amplify\'s short names; lower-cases e-mail domains', () => {
    const parsed = parseConfig({ ...base, oauth, providers: [{ name: 'Apple' }, { name: 'Google', label: 'Google (demo)' }, { name: 'Corp', emailDomains: ['Corp.Example'], button: false }] });
    expect(parsed.oauth).toEqual({ ...oauth, scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'], handleReturn: true });
    expect(parsed.providers).toEqual([
      { name: 'SignInWithApple', label: 'Apple', emailDomains: [], button: true },
      { name: 'Google', label: 'Google (demo)', emailDomains: [], button: true },
      { name: 'Corp', label: 'Corp', emailDomains: ['corp.example'], button: false },
    ]);
  });

  it.each([
    [{ oauth: { ...oauth, domain: 'https://acme.auth.eu-west-1.amazoncognito.com' } }, /oauth.domain/],
    [{ oauth: { ...oauth, scopes: ['openid', 'email'] } }, /aws.cognito.signin.user.admin/],
    [{ oauth: { ...oauth, redirectSignIn: [] } }, /oauth.redirectSignIn/],
    [{ oauth: { ...oauth, redirectSignOut: ['/relative'] } }, /oauth.redirectSignOut/],
    [{ providers: [{ name: 'Google' }] }, /needs "oauth"/],
    [{ oauth, providers: [{ name: 'Google', emailDomains: ['gmail.com'] }] }, /SAML or OIDC/],
    [{ oauth, providers: [{ name: 'Corp', emailDomains: ['not a domain'] }] }, /emailDomains/],
    [{ oauth, providers: [{}] }, /providers\[0\].name/],
  ])('refuses %j', (extra, message) => {
    expect(() => parseConfig({ ...base, ...extra })).toThrow(message);
  });
});
