import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/emulator';
import { walkEmailAndDeviceScreens, walkLifecycleScreens, walkPasswordlessScreens, walkOtherScreens, walkSmsAndAccountScreens } from '../fixtures/screens';

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('sign-in, errors, SMS code, signed in, account security and its dialogs', async ({ page, pool, sms, totpCode }) => {
      await walkSmsAndAccountScreens(page, { pool, sms, totpCode }, (screen) => expectNoAxeViolations(page, screen));
    });

    test('TOTP code, choice of factor, first-time TOTP setup, new password, phone entry, refused link', async ({ page, pool, newPool, usePool, totpCode }) => {
      await walkOtherScreens(page, { pool, newPool, usePool, totpCode }, (screen) => expectNoAxeViolations(page, screen));
    });

    test('forgotten password, sign-up and its code, the e-mail offer, change password and e-mail', async ({ page, newPool, usePool, mail }) => {
      await walkLifecycleScreens(page, { newPool, usePool, mail }, (screen) => expectNoAxeViolations(page, screen));
    });

    test('e-mail codes, three factors, remember this device, e-mail set-up, devices in account security', async ({ page, newPool, usePool, mail }) => {
      await walkEmailAndDeviceScreens(page, { newPool, usePool, mail }, (screen) => expectNoAxeViolations(page, screen));
    });

    test('username first, the choice of first factor, the password factor, passkeys in account security', async ({ page, newPool, usePool, mail }) => {
      await walkPasswordlessScreens(page, { newPool, usePool, mail }, (screen) => expectNoAxeViolations(page, screen));
    });
  });
}

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
