import { describe, expect, it } from 'vitest';
import { checkOrigin, checkRedirect, withState } from './redirect';

const ALLOW = ['https://app.example.com/callback', 'http://127.0.0.1:4318/examples/relying-app/'];

describe('checkRedirect', () => {
  it('accepts exactly an allow-listed URI', () => {
    expect(checkRedirect('https://app.example.com/callback', ALLOW)).toEqual({ ok: true, uri: 'https://app.example.com/callback' });
    expect(checkRedirect('http://127.0.0.1:4318/examples/relying-app/', ALLOW).ok).toBe(true);
  });

  it.each([
    [null, 'missing'],
    ['https://app.example.com/callback/', 'notAllowed'],
    ['https://app.example.com/callbackx', 'notAllowed'],
    ['https://app.example.com/callback?next=1', 'notAllowed'],
    ['https://app.example.com.evil.com/callback', 'notAllowed'],
    ['https://app.example.com:8443/callback', 'notAllowed'],
    ['http://app.example.com/callback', 'notAllowed'],
    ['HTTPS://APP.EXAMPLE.COM/callback', 'notAllowed'],
    ['https://evil.com/callback', 'notAllowed'],
    ['https://app.example.com/callback/../admin', 'notAllowed'],
    ['https://app.example.com/callback#frag', 'malformed'],
    ['javascript:alert(1)//https://app.example.com/callback', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['//evil.com/callback', 'malformed'],
    ['\\\\evil.com/callback', 'malformed'],
    ['https://app.example.com\\@evil.com/callback', 'malformed'],
    ['https://user:pass@app.example.com/callback', 'credentials'],
    ['https://app.example.com@evil.com/callback', 'credentials'],
    ['https://app.example.com%2f@evil.com/callback', 'encoded'],
    ['https://app.example.com/callback%2f..%2fadmin', 'encoded'],
    ['https://app.example.com/%2e%2e/callback', 'encoded'],
    [' https://app.example.com/callback', 'malformed'],
    ['https://app.example.com/call\tback', 'malformed'],
    ['not a url', 'malformed'],
  ])('refuses %s (%s)', (uri, reason) => {
    expect(checkRedirect(uri, ALLOW)).toEqual({ ok: false, reason });
  });

  it('refuses a script URL even if someone allow-listed it', () => {
    expect(checkRedirect('javascript:alert(1)', ['javascript:alert(1)'])).toEqual({ ok: false, reason: 'scheme' });
  });
});

describe('checkOrigin and withState', () => {
  it('accepts only exact allow-listed origins', () => {
    expect(checkOrigin('https://app.example.com', ['https://app.example.com'])).toBe('https://app.example.com');
    expect(checkOrigin('https://app.example.com/', ['https://app.example.com/'])).toBeUndefined();
    expect(checkOrigin('https://evil.com', ['https://app.example.com'])).toBeUndefined();
    expect(checkOrigin(null, ['https://app.example.com'])).toBeUndefined();
  });

  it('echoes state, encoded', () => {
    expect(withState('https://app.example.com/callback', 'a b&c')).toBe('https://app.example.com/callback?state=a+b%26c');
    expect(withState('https://app.example.com/callback', undefined)).toBe('https://app.example.com/callback');
  });
});
