/**
 * Federated sign-in in Chromium: the app's buttons and identifier-first single sign-on through
 * Amplify's signInWithRedirect (PKCE, state) to the emulator's pool domain over TLS, on to its test
 * identity provider and back; the return's three endings; hosted mode across the round trip; a
 * linked account; sign-out through the domain's /logout; the federated user's account screen.
 */
import type { Page } from '@playwright/test';
import { expect, LOCALHOST_ORIGIN, RELYING_APP, RELYING_ORIGIN, test } from '../fixtures/emulator';
import { landed, TestBrowser } from '../../emulator/test/test-browser.js';

test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true } });

/** At the test IdP's page: who signs in. */
async function typeIdentity(page: Page, provider: string, email: string, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name: `Sign in with ${provider}` })).toBeVisible();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('Continue with Google: the provider\'s page, then signed in as the Google user, who has no password or MFA here', async ({ page }) => {
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await expect(page).toHaveURL(/\/_idp\/google\/authorize\?/);
  // Amplify asked the domain with PKCE (S256) and a state.
  await typeIdentity(page, 'Google', 'ann@gmail.example', 'Ann Example');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as ann@gmail.example.');
  await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Google');
  expect(new URL(page.url()).search).toBe('');
  await page.getByRole('button', { name: 'Account security' }).click();
  await expect(page.getByTestId('federated-provider')).toHaveText('You sign in with Google. Your password and two-step verification are managed there, not here.');
  await expect(page.getByRole('button', { name: /password/i })).toHaveCount(0);
  await expect(page.getByTestId('totp-status')).toHaveCount(0);
});

test('an e-mail of an SSO domain asks for no password and goes to its SAML provider (idp_identifier)', async ({ page }) => {
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByLabel('Username').fill('bob@acme.example');
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  // The form's own button says where it goes now (the provider's button under it says the same).
  await page.locator('form').getByRole('button', { name: 'Continue with Acme SSO' }).click();
  await expect(page).toHaveURL(/\/_idp\/saml\/sso\?SAMLRequest=/);
  await typeIdentity(page, 'SAML', 'bob@acme.example', 'Bob Acme');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as bob@acme.example.');
  await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Acme SSO');
});

test.describe('an SSO e-mail in sign-up or "forgot your password"', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true, signUp: true } });

  test('says the account is the provider\'s, asks for no password and goes there instead; no account is made here', async ({ page, pool, emulator }) => {
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Username').fill('dora');
    await page.getByLabel('E-mail address').fill('dora@ACME.example');
    await expect(page.getByTestId('sso-hint')).toHaveText('Accounts at acme.example sign in with Acme SSO.');
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/_idp\/saml\/sso\?SAMLRequest=/);
    const users = emulator.services.store.listUsers(pool.poolId);
    expect(users.map((u) => u.username)).not.toContain('dora');

    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Username').fill('dora@acme.example');
    await expect(page.getByTestId('sso-hint')).toHaveText('Accounts at acme.example sign in with Acme SSO.');
    await page.locator('form').getByRole('button', { name: 'Continue with Acme SSO' }).click();
    await expect(page).toHaveURL(/\/_idp\/saml\/sso\?SAMLRequest=/);
  });
});

test.describe('the trip to the provider stopped', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true, signUp: true } });

  test('(Esc, or a provider that never answers): "choose another way" goes back to the sign-in screen; other pages work at once', async ({ page }) => {
    // A navigation answered with 204 ends where it started, as one the person stopped does. (While a
    // navigation is still loading, DevTools holds every command to the page, so that case can't be driven.)
    await page.route('**/oauth2/authorize?**', (route) => route.fulfill({ status: 204 }));
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await expect(page.getByRole('heading', { name: 'Taking you to Google…' })).toBeVisible();
    await page.getByRole('button', { name: 'Choose another way to sign in' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status').first()).toHaveText('');
    expect(await page.evaluate(() => sessionStorage.getItem('signin.federation'))).toBeNull();
    // Stopped again, and off to another page of the app: it works at once (Amplify ends the flow it
    // finds in flight; the session is read after that, not parked until the flow's deadline).
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await expect(page.getByTestId('federation-another')).toBeVisible();
    await page.goto(`${LOCALHOST_ORIGIN}/signup`);
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  });
});

test.describe('username-first (passwordless) mode', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true, passwordless: true } });

  test('an e-mail of an SSO domain goes to its OIDC provider instead of the choice of factors', async ({ page, nextIdentity }) => {
    await nextIdentity({ provider: 'oidc', email: 'olga@okta.example', name: 'Olga Okta' });
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByLabel('Username').fill('olga@okta.example');
    await page.getByRole('button', { name: 'Continue with Okta' }).click();
    await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Okta');
  });
});

test('cancelled at the provider: back to the sign-in screen, which says so', async ({ page }) => {
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('The sign-in was cancelled. Choose how you want to sign in.');
});

test.describe('an error from the provider', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true, requireEmail: true } });

  test('is explained, with "try again" and "choose another way"', async ({ page, pool, nextIdentity }) => {
    // The pool requires an e-mail that this Google mapping doesn't give: Cognito's "attributes required".
    await pool.admin('UpdateIdentityProvider', { ProviderName: 'Google', AttributeMapping: { name: 'name' } });
    await nextIdentity({ provider: 'google', email: 'noemail@gmail.example' });
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await expect(page.getByRole('heading', { name: 'Signing in with Google did not work' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('did not share details this app needs');
    await expect(page.getByTestId('provider-details')).toHaveText('What the sign-in service said: attributes required: [email]');
    await page.getByRole('button', { name: 'Choose another way to sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  });
});

test('hosted mode: /login with a redirect_uri and state survives the trip through the provider', async ({ page, nextIdentity }) => {
  await nextIdentity({ provider: 'google', email: 'hosted@gmail.example' });
  await page.goto(`${LOCALHOST_ORIGIN}/login?redirect_uri=${encodeURIComponent(RELYING_APP)}&state=xyz-123`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await page.waitForURL((url) => url.toString().startsWith(RELYING_APP));
  expect(new URL(page.url()).searchParams.get('state')).toBe('xyz-123');
});

test('popup mode: the opener hears who signed in after the trip through the provider', async ({ page, nextIdentity }) => {
  await nextIdentity({ provider: 'google', email: 'popup@gmail.example' });
  await page.goto(RELYING_APP);
  const received = page.evaluate(() => new Promise<unknown>((resolve) => window.addEventListener('message', (e) => resolve({ data: e.data, origin: e.origin }))));
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((url) => void window.open(url, 'signin', 'width=480,height=640'), `${LOCALHOST_ORIGIN}/login?mode=popup&origin=${encodeURIComponent(RELYING_ORIGIN)}`),
  ]);
  await popup.getByRole('button', { name: 'Continue with Google' }).click();
  expect(await received).toEqual({ data: { type: 'signed-in', username: expect.stringMatching(/^Google_\d+$/) }, origin: LOCALHOST_ORIGIN });
});

test('a linked account: the Google identity signs in as the native user, who keeps the password and MFA sections', async ({ page, pool, nextIdentity }) => {
  await pool.createUser('nina', { email: 'nina@example.com', emailVerified: true });
  await pool.admin('AdminLinkProviderForUser', {
    DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'nina' },
    SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '100000000000000000042' },
  });
  await nextIdentity({ provider: 'google', email: 'nina@example.com', name: 'Nina', sub: '100000000000000000042' });
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as nina.');
  await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Google');
  await page.getByRole('button', { name: 'Account security' }).click();
  await expect(page.getByTestId('linked-providers')).toHaveText('You can also sign in with Google.');
  await expect(page.getByTestId('totp-status')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change password' })).toBeVisible();
});

test('signing out ends the domain\'s session too, so the next "Continue with Google" can be someone else', async ({ page, pool, context }) => {
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await typeIdentity(page, 'Google', 'first@gmail.example', 'First Person');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as first@gmail.example.');
  expect((await context.cookies(pool.domainUrl)).map((c) => c.name)).toContain('cognito');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('You have signed out.');
  expect((await context.cookies(pool.domainUrl)).map((c) => c.name)).not.toContain('cognito');
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await typeIdentity(page, 'Google', 'second@gmail.example', 'Second Person');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as second@gmail.example.');
});

test('a Google user deletes their account while the sign-in is fresh; it goes through the domain\'s /logout, and the next sign-in makes a new user', async ({ page, pool, emulator }) => {
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await typeIdentity(page, 'Google', 'gone@gmail.example', 'Gone Soon');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as gone@gmail.example.');
  const before = emulator.services.store.listUsers(pool.poolId).find((u) => u.attributes.some(([name, value]) => name === 'email' && value === 'gone@gmail.example'))!;
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Delete account…' }).click();
  await expect(page.getByText('Your Google account itself stays as it is.')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('Your account has been deleted.');
  expect(emulator.services.store.getUser(pool.poolId, before.username)).toBeUndefined();
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await typeIdentity(page, 'Google', 'gone@gmail.example', 'Gone Soon');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as gone@gmail.example.');
  expect(emulator.services.store.getUser(pool.poolId, before.username)!.sub).not.toBe(before.sub);
});

test('a Google sign-in older than five minutes must be made again before the account can be deleted', async ({ page, emulator }) => {
  await page.clock.install();
  await page.goto(`${LOCALHOST_ORIGIN}/`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await typeIdentity(page, 'Google', 'stale@gmail.example', 'Stale Session');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as stale@gmail.example.');
  // Six minutes after the sign-in as the emulator's clock (which other tests may have moved on) tells it.
  await page.clock.fastForward(Math.max(0, emulator.services.clock.now() - Date.now()) + 6 * 60_000);
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Delete account…' }).click();
  await expect(page.getByTestId('delete-sign-in-again')).toHaveText('For your security, sign in again with Google, then delete your account within 5 minutes.');
  await expect(page.getByRole('button', { name: 'Delete my account' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status').first()).toHaveText('You have signed out.');
});

test.describe('security', () => {
  test('a return whose state isn\'t the one this browser sent (login CSRF) is refused: no code exchanged, nobody signed in', async ({ page, pool, emulator, nextIdentity }) => {
    // The attacker's own sign-in, stopped where the browser would land on the app: a live code and its state.
    await nextIdentity({ provider: 'google', email: 'attacker@gmail.example' });
    const attacker = new TestBrowser(emulator.tls!.ca);
    const app = `${LOCALHOST_ORIGIN}/`;
    const query = new URLSearchParams({ client_id: pool.clientId, redirect_uri: app, response_type: 'code', scope: 'openid email profile aws.cognito.signin.user.admin', state: 'attackers-state', identity_provider: 'Google' });
    const landing = landed(await attacker.go(`${pool.domainUrl}/oauth2/authorize?${query}`, app));
    expect(landing.searchParams.get('code')).toBeTruthy();
    // The victim has a sign-in of their own in flight (at the provider's page) when the attacker's link arrives.
    const exchanges: string[] = [];
    page.on('request', (r) => void (r.url().includes('/oauth2/token') && exchanges.push(r.url())));
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in with Google' })).toBeVisible();
    await page.goto(landing.toString());
    await expect(page.getByRole('heading', { name: 'Signing in with Google did not work' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('This sign-in could not be confirmed as one started in this browser, so it was stopped. Please start it again.');
    expect(exchanges).toEqual([]);
    await page.getByTestId('federation-another').click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test('a code arriving in a tab that started no sign-in is ignored', async ({ page, pool, emulator, nextIdentity }) => {
    await nextIdentity({ provider: 'google', email: 'stray@gmail.example' });
    const app = `${LOCALHOST_ORIGIN}/`;
    const query = new URLSearchParams({ client_id: pool.clientId, redirect_uri: app, response_type: 'code', scope: 'openid email profile aws.cognito.signin.user.admin', state: 's', identity_provider: 'Google' });
    const landing = landed(await new TestBrowser(emulator.tls!.ca).go(`${pool.domainUrl}/oauth2/authorize?${query}`, app));
    await page.goto(landing.toString());
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test('an ID token signed by another key, or for another audience, signs nobody in', async ({ page, nextIdentity }) => {
    for (const tamper of ['signature', 'audience']) {
      await nextIdentity({ provider: 'google', email: `forged-${tamper}@gmail.example`, tamper });
      await page.goto(`${LOCALHOST_ORIGIN}/`);
      await page.getByRole('button', { name: 'Continue with Google' }).click();
      await expect(page.getByRole('heading', { name: 'Signing in with Google did not work' })).toBeVisible();
      await expect(page.getByTestId('provider-details')).toContainText('Invalid identity token from Google');
    }
  });

  test('the domain sends nobody to an unregistered redirect_uri or logout_uri', async ({ page, pool }) => {
    const clientId = pool.clientId;
    for (const url of [
      `${pool.domainUrl}/oauth2/authorize?client_id=${clientId}&response_type=code&redirect_uri=${encodeURIComponent('https://evil.example/')}&identity_provider=Google`,
      `${pool.domainUrl}/logout?client_id=${clientId}&logout_uri=${encodeURIComponent('https://evil.example/')}`,
    ]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: 'An error was encountered with the requested page.' })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(pool.domainUrl!).host);
    }
  });
});
