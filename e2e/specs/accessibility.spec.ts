import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures/emulator';

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('sign-in, errors, SMS code, signed in, account security and its dialogs', async ({ page, pool, sms, totpCode }) => {
      await pool.createUser('axe-sms', { phone: '+12065550120', sms: true });
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await expectNoAxeViolations(page, 'sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Enter your username.')).toBeVisible();
      await expectNoAxeViolations(page, 'sign-in with field errors');
      await signIn(page, 'axe-sms', 'Wrong-Passw0rd!');
      await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
      await expectNoAxeViolations(page, 'sign-in with an error');
      await signIn(page, 'axe-sms');
      await expect(page.getByText('We sent a code to +*******0120.')).toBeVisible();
      await expectNoAxeViolations(page, 'SMS code');
      await page.getByLabel('6-digit code').fill('000000' === (await sms.latest('axe-sms')).code ? '111111' : '000000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page, 'SMS code with an error');
      await page.getByLabel('6-digit code').fill((await sms.latest('axe-sms')).code);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByTestId('signed-in-user')).toBeVisible();
      await expectNoAxeViolations(page, 'signed in');
      await page.getByRole('button', { name: 'Account security' }).click();
      await expect(page.getByTestId('totp-status')).toBeVisible();
      await expectNoAxeViolations(page, 'account security');
      await page.getByRole('button', { name: 'Set up' }).click();
      await expect(page.getByTestId('totp-qr')).toBeVisible();
      await expectNoAxeViolations(page, 'TOTP setup from account');
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel('6-digit code').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Verify and continue' }).click();
      await expect(page.getByTestId('totp-status')).toHaveText('On');
      await expectNoAxeViolations(page, 'account security with both factors and a success message');
      await page.getByRole('button', { name: 'Replace' }).click();
      await expectNoAxeViolations(page, 'replace warning');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Remove' }).click();
      await expectNoAxeViolations(page, 'remove authenticator');
    });

    test('TOTP code, choice of factor, first-time TOTP setup, new password, phone entry, refused link', async ({ page, pool, newPool, usePool, totpCode }) => {
      await pool.createUser('axe-both', { phone: '+12065550121' });
      await pool.enrollTotp('axe-both');
      await pool.enableSms('axe-both');
      await page.goto('/');
      await signIn(page, 'axe-both');
      await expect(page.getByRole('heading', { name: 'Choose how to verify' })).toBeVisible();
      await expectNoAxeViolations(page, 'choose factor');
      await page.getByRole('button', { name: 'Authenticator app' }).click();
      await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
      await expectNoAxeViolations(page, 'TOTP code');

      const required = await newPool({ mfa: 'ON', sms: false, totp: true });
      await required.createUser('axe-setup', { temporaryPassword: 'Temp-Passw0rd!' });
      await usePool(required);
      await page.goto('/');
      await signIn(page, 'axe-setup', 'Temp-Passw0rd!');
      await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
      await expectNoAxeViolations(page, 'new password');
      await page.getByLabel('New password', { exact: true }).fill('Brand-New-Passw0rd!');
      await page.getByLabel('Confirm new password').fill('Brand-New-Passw0rd!');
      await page.getByRole('button', { name: 'Set password' }).click();
      await expect(page.getByTestId('totp-qr')).toBeVisible();
      await expectNoAxeViolations(page, 'first-time TOTP setup');
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel('6-digit code').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Verify and continue' }).click();
      await page.getByRole('button', { name: 'Account security' }).click();
      await page.getByRole('button', { name: 'Turn on' }).click();
      await expect(page.getByLabel('Mobile phone number')).toBeVisible();
      await expectNoAxeViolations(page, 'phone entry');

      await page.goto('/login?redirect_uri=https%3A%2F%2Fevil.example.com%2F');
      await expect(page.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible();
      await expectNoAxeViolations(page, 'refused hosted request');
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
