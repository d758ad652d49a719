/**
 * Keyboard-only sign-ins, and the federated sign-in's screens in the dark scheme. Every other screen
 * is checked with axe in both schemes by every-screen.spec.ts.
 */
import { expectNoAxeViolations } from '../fixtures/axe';
import { expect, LOCALHOST_ORIGIN, test } from '../fixtures/emulator';
import { walkFederationScreens } from '../fixtures/screens';

// Light: the federated sign-in's screens in every language, at 320 px (i18n.spec.ts); dark here.
test.describe('axe, dark scheme, federated sign-in', () => {
  test.use({ colorScheme: 'dark' });
  test('provider buttons, single sign-on, a provider\'s error, the test IdP, signed in with a provider, a federated account', async ({ page, newPool, usePool, nextIdentity }) => {
    await walkFederationScreens(page, { newPool, usePool, nextIdentity }, (screen) => expectNoAxeViolations(page, screen));
  });
});

test.describe('federated sign-in by keyboard', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, federation: true } });

  test('"Continue with Google", the provider\'s page and the way back, with the keyboard alone', async ({ page }) => {
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    const google = page.getByRole('button', { name: 'Continue with Google' });
    for (let i = 0; i < 8 && !(await google.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(google).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Sign in with Google' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mail address')).toBeFocused();
    await page.keyboard.type('keys@gmail.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keys Person');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
    await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Google');
  });

  test('single sign-on by e-mail domain, with the keyboard alone', async ({ page, nextIdentity }) => {
    await nextIdentity({ provider: 'saml', email: 'keys@acme.example' });
    await page.goto(`${LOCALHOST_ORIGIN}/`);
    // Shown (the first screen waits for its language and mode), and the app's: as a keyboard user finds it.
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.type('keys@acme.example');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
    await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Acme SSO');
  });
});

test('the whole sign-in with SMS can be done with the keyboard alone', async ({ page, pool, sms }) => {
  await pool.createUser('keys-sms', { phone: '+12065550122', sms: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('keys-sms');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('Correct-Horse-9!');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeFocused();
  const { code } = await sms.latest('keys-sms');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('6-digit code')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
});

test('the whole sign-in with TOTP, choosing the factor, can be done with the keyboard alone', async ({ page, pool, totpCode }) => {
  await pool.createUser('keys-totp', { phone: '+12065550123' });
  const secret = await pool.enrollTotp('keys-totp');
  await pool.enableSms('keys-totp');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('keys-totp');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Correct-Horse-9!');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Choose how to verify' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Text message (SMS)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Authenticator app' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type(totpCode(secret));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
});
