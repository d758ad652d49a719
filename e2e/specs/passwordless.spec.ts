/**
 * Choice-based sign-in (config passwordless) in Chromium against the emulator: username first, then
 * an e-mail or SMS code, the password, or a passkey from Chromium's virtual authenticator (CDP
 * WebAuthn). Passkeys need a secure context and a domain as relying party: those tests run the app
 * on http://localhost, the pool's RelyingPartyId.
 */
import type { Page } from '@playwright/test';
import { addVirtualAuthenticator, expect, LOCALHOST_ORIGIN, PASSWORD, test } from '../fixtures/emulator';

test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, passwordless: true } });

const continueAs = async (page: Page, username: string) => {
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Continue' }).click();
};
const signedIn = (page: Page) => expect(page.getByTestId('signed-in-user')).toBeVisible();
const choices = (page: Page) => page.getByRole('list').getByRole('button');

test('username first, then an e-mail code: no password typed', async ({ page, pool, mail }) => {
  await pool.createUser('nopass', { email: 'nopass@example.com', emailVerified: true });
  await page.goto('/');
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await continueAs(page, 'nopass');
  await expect(page.getByRole('heading', { name: 'Choose how to sign in' })).toBeVisible();
  await expect(choices(page)).toHaveText(['Code by e-mail', 'Password']);
  await page.getByRole('button', { name: 'Code by e-mail' }).click();
  await expect(page.getByText('We sent a code by e-mail to n***@e***.')).toBeVisible();
  await page.getByLabel('6-digit code').fill((await mail.latest('nopass')).code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await signedIn(page);
  // The factor chosen last is offered first on this browser.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await continueAs(page, 'nopass');
  await expect(choices(page).first()).toHaveText('Code by e-mail');
});

test('an SMS code, and the password, as first factors; a user with MFA is offered only the password, then MFA', async ({ page, pool, sms }) => {
  await pool.createUser('texter', { phone: '+12065550150', phoneVerified: true });
  await pool.createUser('unverified-phone', { phone: '+12065550152' });
  await pool.createUser('guarded', { phone: '+12065550151', sms: true });
  await page.goto('/');
  await continueAs(page, 'texter');
  await expect(choices(page)).toHaveText(['Code by text message', 'Password']);
  await page.getByRole('button', { name: 'Code by text message' }).click();
  await expect(page.getByText('We sent a code to +*******0150.')).toBeVisible();
  await page.getByLabel('6-digit code').fill((await sms.latest('texter')).code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await signedIn(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();

  // An unverified number is not offered for signing in; the password is.
  await continueAs(page, 'unverified-phone');
  await expect(choices(page)).toHaveText(['Password']);
  await page.getByRole('button', { name: 'Password' }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();

  await continueAs(page, 'guarded');
  await expect(choices(page)).toHaveText(['Password']);
  await page.getByRole('button', { name: 'Password' }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
  await page.getByLabel('6-digit code').fill((await sms.latest('guarded')).code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await signedIn(page);
});

test.describe('passkeys (on localhost)', () => {
  test('add a passkey, sign out, sign in with it without a password, then remove it after the password', async ({ page, pool, mail }) => {
    await pool.createUser('keyholder', { email: 'keyholder@example.com', emailVerified: true });
    await addVirtualAuthenticator(page);
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await continueAs(page, 'keyholder');
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await page.getByLabel('6-digit code').fill((await mail.latest('keyholder')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByText('No passkeys yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByText('Your passkey was added.')).toBeVisible();
    await expect(page.getByTestId('passkey')).toHaveCount(1);
    await expect(page.getByTestId('passkey')).toContainText('On a device');
    // The same authenticator again: it already holds this account's passkey (excludeCredentials).
    // Said as adding one, with what to do — not as a sign-in failure (issue 24).
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByRole('alert')).toHaveText('This device already has a passkey for your account: you can sign in with it. To add another, use a different device or security key.');
    await expect(page.getByTestId('passkey')).toHaveCount(1);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    await continueAs(page, 'keyholder');
    await expect(page.getByRole('button', { name: 'Passkey' })).toBeVisible();
    await page.getByRole('button', { name: 'Passkey' }).click();
    await signedIn(page);

    await page.getByRole('button', { name: 'Account security' }).click();
    await page.getByRole('button', { name: /Remove passkey/ }).click();
    await expect(page.getByRole('heading', { name: 'Remove a passkey' })).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('Wrong-Passw0rd!');
    await page.getByRole('button', { name: 'Remove passkey' }).click();
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Remove passkey' }).click();
    await expect(page.getByText('The passkey was removed.')).toBeVisible();
    await expect(page.getByText('No passkeys yet.')).toBeVisible();
  });

  test('a passkey prompt that finds no passkey here is explained, and the choice is offered again', async ({ page, pool, mail }) => {
    await pool.createUser('wanderer', { email: 'wanderer@example.com', emailVerified: true });
    const { cdp, id } = await addVirtualAuthenticator(page);
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await continueAs(page, 'wanderer');
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await page.getByLabel('6-digit code').fill((await mail.latest('wanderer')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Account security' }).click();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByTestId('passkey')).toHaveCount(1);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    // Another device: this authenticator no longer holds the passkey.
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId: id });
    await continueAs(page, 'wanderer');
    await page.getByRole('button', { name: 'Passkey' }).click();
    await expect(page.getByRole('alert')).toContainText('passkey');
    await expect(page.getByRole('heading', { name: 'Choose how to sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await expect(page.getByText('We sent a code by e-mail to w***@e***.')).toBeVisible();
  });
});

test('keyboard alone: username, the choice, the code', async ({ page, pool, mail }) => {
  await pool.createUser('keys-nopass', { email: 'keys-nopass@example.com', emailVerified: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('keys-nopass');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Choose how to sign in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Code by e-mail' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter the code we e-mailed you' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type((await mail.latest('keys-nopass')).code);
  await page.keyboard.press('Enter');
  await signedIn(page);
});
