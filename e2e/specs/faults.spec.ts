import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures/emulator';

const NETWORK_ERROR = 'We could not reach the sign-in service. Check your connection and try again.';

async function submitCode(page: Page, code: string) {
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('a failing network call shows a readable error and the user can retry', () => {
  for (const op of ['InitiateAuth', 'RespondToAuthChallenge:PASSWORD_VERIFIER']) {
    test(`during the password step (${op})`, async ({ page, pool, faults }) => {
      await pool.createUser('flaky');
      await page.goto('/');
      faults.breakUntilHealed(op);
      await signIn(page, 'flaky');
      await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
      faults.heal(op);
      await signIn(page, 'flaky');
      await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as flaky.');
    });
  }

  test('during the SMS code step', async ({ page, pool, faults, sms }) => {
    await pool.createUser('flaky-sms', { phone: '+12065550130', sms: true });
    await page.goto('/');
    await signIn(page, 'flaky-sms');
    await expect(page.getByText('We sent a code to +*******0130.')).toBeVisible();
    const { code } = await sms.latest('flaky-sms');
    faults.breakUntilHealed('RespondToAuthChallenge:SMS_MFA');
    await submitCode(page, code);
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    faults.heal('RespondToAuthChallenge:SMS_MFA');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as flaky-sms.');
  });

  test('while resending an SMS code', async ({ page, pool, faults, sms }) => {
    await pool.createUser('flaky-resend', { phone: '+12065550131', sms: true });
    await page.goto('/');
    await signIn(page, 'flaky-resend');
    await expect(page.getByText('We sent a code to +*******0131.')).toBeVisible();
    faults.breakUntilHealed('InitiateAuth');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    expect(await sms.count('flaky-resend')).toBe(1);
    faults.heal('InitiateAuth');
    // The failed resend restarted the sign-in in Amplify, so the way on is another resend.
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByRole('status')).toHaveText('We sent you a new code.');
    expect(await sms.count('flaky-resend')).toBe(2);
    await submitCode(page, (await sms.latest('flaky-resend')).code);
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as flaky-resend.');
  });

  test('GetUser down after sign-in: nothing on the way to signed in needs it (the ID token says who), and a reload neither', async ({ page, pool, faults }) => {
    await pool.createUser('flaky-user', { email: 'flaky-user@example.com', emailVerified: true });
    await page.goto('/');
    faults.breakUntilHealed('GetUser');
    await signIn(page, 'flaky-user');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as flaky-user.');
    await expect(page.getByTestId('signed-in-email')).toHaveText('flaky-user@example.com');
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as flaky-user.');
    expect(faults.count('GetUser')).toBe(0);
    faults.heal('GetUser');
  });

  test('in account security: loading, changing a preference, setting up TOTP', async ({ page, pool, faults, totpCode }) => {
    await pool.createUser('flaky-settings', { phone: '+12065550132' });
    await page.goto('/');
    await signIn(page, 'flaky-settings');
    await expect(page.getByTestId('signed-in-user')).toBeVisible();

    faults.breakUntilHealed('GetUser');
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByText('We could not load your security settings.')).toBeVisible();
    faults.heal('GetUser');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('sms-status')).toBeVisible();

    faults.breakUntilHealed('SetUserMFAPreference');
    await page.getByRole('button', { name: 'Turn on text message (SMS) codes' }).click();
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    await expect(page.getByTestId('sms-status')).toContainText('Off');
    faults.heal('SetUserMFAPreference');
    await page.getByRole('button', { name: 'Turn on text message (SMS) codes' }).click();
    await expect(page.getByTestId('sms-status')).toContainText('On, codes go to');

    faults.breakUntilHealed('AssociateSoftwareToken');
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    faults.heal('AssociateSoftwareToken');
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    faults.breakUntilHealed('VerifySoftwareToken');
    await submitCode(page, totpCode(secret));
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    faults.heal('VerifySoftwareToken');
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    await expect(page.getByTestId('totp-status')).toHaveText('On');
  });

  test('while checking the password to remove TOTP (ChangePassword)', async ({ page, pool, faults, totpCode }) => {
    await pool.createUser('flaky-remove');
    const secret = await pool.enrollTotp('flaky-remove');
    await page.goto('/');
    await signIn(page, 'flaky-remove');
    await submitCode(page, totpCode(secret));
    await page.getByRole('button', { name: 'Account security' }).click();
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9!');
    faults.breakUntilHealed('ChangePassword');
    await page.getByRole('button', { name: 'Remove authenticator app' }).click();
    await expect(page.getByRole('alert')).toHaveText(NETWORK_ERROR);
    faults.heal('ChangePassword');
    await page.getByRole('button', { name: 'Remove authenticator app' }).click();
    await expect(page.getByTestId('totp-status')).toHaveText('Off');
  });
});

test.describe('slow answers', () => {
  test('a slow sign-in is submitted once however often the user presses Enter or clicks', async ({ page, pool, faults }) => {
    await pool.createUser('impatient');
    await page.goto('/');
    faults.delayNext('InitiateAuth', 1500);
    await page.getByLabel('Username').fill('impatient');
    await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9!');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await expect(page.getByRole('button', { name: 'Please wait…' })).toBeDisabled();
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Please wait…' }).click({ force: true });
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as impatient.');
    expect(faults.count('InitiateAuth')).toBe(1);
    expect(faults.count('RespondToAuthChallenge:PASSWORD_VERIFIER')).toBe(1);
  });

  test('a slow code check is submitted once', async ({ page, pool, faults, sms }) => {
    await pool.createUser('impatient-sms', { phone: '+12065550133', sms: true });
    await page.goto('/');
    await signIn(page, 'impatient-sms');
    await expect(page.getByText('We sent a code to +*******0133.')).toBeVisible();
    faults.delayNext('RespondToAuthChallenge:SMS_MFA', 1500);
    await page.getByLabel('6-digit code').fill((await sms.latest('impatient-sms')).code);
    await page.getByLabel('6-digit code').press('Enter');
    await page.getByLabel('6-digit code').press('Enter');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as impatient-sms.');
    expect(faults.count('RespondToAuthChallenge:SMS_MFA')).toBe(1);
  });
});
