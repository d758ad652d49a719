/**
 * A minimal relying app: same user pool, same cookie settings as the sign-in site, so Amplify here
 * reads the session the sign-in site wrote. It sends users to the hosted /login, /logout and
 * /delete-account pages.
 * Config: the same /config.json, plus `signInUrl` (the sign-in site's origin).
 */
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { CookieStorage } from 'aws-amplify/utils';

interface RelyingConfig {
  userPoolId: string;
  userPoolClientId: string;
  endpoint?: string;
  cookieDomain?: string;
  signInUrl: string;
}

const config = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as RelyingConfig;
const local = ['localhost', '127.0.0.1'].includes(location.hostname);
Amplify.configure({ Auth: { Cognito: { userPoolId: config.userPoolId, userPoolClientId: config.userPoolClientId, ...(config.endpoint ? { userPoolEndpoint: config.endpoint } : {}) } } });
// After configure(), which resets the token storage to localStorage.
cognitoUserPoolsTokenProvider.setKeyValueStorage(
  new CookieStorage({ ...(config.cookieDomain ? { domain: config.cookieDomain } : {}), path: '/', expires: 30, secure: !local, sameSite: 'lax' }),
);

const here = `${location.origin}${location.pathname}`;
const who = document.getElementById('who')!;
const signInLink = document.getElementById('sign-in') as HTMLAnchorElement;
const signOutLink = document.getElementById('sign-out') as HTMLAnchorElement;
const deleteLink = document.getElementById('delete-account') as HTMLAnchorElement;
const returnedState = new URLSearchParams(location.search).get('state');
if (returnedState !== null) document.getElementById('state')!.textContent = `state: ${returnedState}`;

try {
  const { username } = await getCurrentUser();
  const { tokens } = await fetchAuthSession();
  who.textContent = tokens ? `Signed in as ${username}` : 'Not signed in';
  signOutLink.href = `${config.signInUrl}/logout?redirect_uri=${encodeURIComponent(here)}`;
  signOutLink.hidden = false;
  deleteLink.href = `${config.signInUrl}/delete-account?redirect_uri=${encodeURIComponent(here)}&state=${crypto.randomUUID()}`;
  deleteLink.hidden = false;
} catch {
  who.textContent = 'Not signed in';
  signInLink.href = `${config.signInUrl}/login?redirect_uri=${encodeURIComponent(here)}&state=${crypto.randomUUID()}`;
  signInLink.hidden = false;
}
