import { describe, expect, it } from 'vitest';
import { routeFor } from './route';

const config = { redirectAllowList: ['https://app.example.com/callback'], postMessageOrigins: ['https://app.example.com'] };
const at = (url: string) => {
  const u = new URL(url, 'https://signin.example.com');
  return routeFor({ pathname: u.pathname, search: u.search }, config);
};

describe('routeFor', () => {
  it('is the app by default', () => expect(at('/')).toEqual({ kind: 'app' }));
  it('logs in with an allow-listed redirect and state', () =>
    expect(at('/login?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&state=s1')).toEqual({ kind: 'login', returnTo: { kind: 'redirect', uri: 'https://app.example.com/callback', state: 's1' } }));
  it('logs in without a redirect', () => expect(at('/login')).toEqual({ kind: 'login' }));
  it('opens sign-up and forgotten password as hosted routes under the same allow-list', () => {
    expect(at('/signup?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&state=s')).toEqual({ kind: 'login', flow: 'signUp', returnTo: { kind: 'redirect', uri: 'https://app.example.com/callback', state: 's' } });
    expect(at('/forgot-password')).toEqual({ kind: 'login', flow: 'recovery' });
    expect(at('/forgot-password?redirect_uri=https%3A%2F%2Fevil.com%2F')).toEqual({ kind: 'refused', reason: 'notAllowed' });
    expect(at('/signup?mode=popup&origin=https%3A%2F%2Fapp.example.com')).toEqual({ kind: 'login', flow: 'signUp', returnTo: { kind: 'postMessage', origin: 'https://app.example.com' } });
  });

  it('refuses other redirects', () => expect(at('/login?redirect_uri=https%3A%2F%2Fevil.com%2F')).toEqual({ kind: 'refused', reason: 'notAllowed' }));
  it('refuses an empty redirect_uri', () => expect(at('/login?redirect_uri=')).toEqual({ kind: 'refused', reason: 'missing' }));
  it('posts to an allow-listed opener in popup mode, and refuses others', () => {
    expect(at('/login?mode=popup&origin=https%3A%2F%2Fapp.example.com')).toEqual({ kind: 'login', returnTo: { kind: 'postMessage', origin: 'https://app.example.com' } });
    expect(at('/login?mode=popup&origin=https%3A%2F%2Fevil.com')).toEqual({ kind: 'refused', reason: 'notAllowed' });
  });
  it('logs out, globally when asked, and returns', () => {
    expect(at('/logout?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&global=true')).toEqual({ kind: 'logout', global: true, returnTo: { kind: 'redirect', uri: 'https://app.example.com/callback' } });
    expect(at('/logout')).toEqual({ kind: 'logout', global: false });
    expect(at('/logout?redirect_uri=javascript%3Aalert(1)')).toEqual({ kind: 'refused', reason: 'scheme' });
  });
  it('deletes the account, then returns to an allow-listed app only', () => {
    expect(at('/delete-account?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&state=s1')).toEqual({ kind: 'deleteAccount', returnTo: { kind: 'redirect', uri: 'https://app.example.com/callback', state: 's1' } });
    expect(at('/delete-account')).toEqual({ kind: 'deleteAccount' });
    expect(at('/delete-account?redirect_uri=https%3A%2F%2Fevil.com%2F')).toEqual({ kind: 'refused', reason: 'notAllowed' });
  });
});
