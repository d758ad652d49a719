import type { Page } from '@playwright/test';
import { expect, PASSWORD, signIn, test } from '../fixtures/emulator';

async function openAccount(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await signIn(page, username);
  await page.getByRole('button', { name: 'Account security' }).click();
  await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
}

async function signOutFromAccount(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function setUpTotp(page: Page, totpCode: (s: string) => string): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify and continue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your authenticator app is set up.' })).toBeVisible();
  return secret;
}

test('adds and verifies a phone number to turn SMS MFA on; the next sign-in asks for the SMS code', async ({ page, pool, sms }) => {
  await pool.createUser('phoneless');
  await openAccount(page, 'phoneless');
  await expect(page.getByTestId('phone-status')).toHaveText('No phone number on your account.');
  await page.getByRole('button', { name: 'Turn on text message (SMS) codes' }).click();
  await page.getByLabel('Mobile phone number').fill('555 0100');
  await page.getByRole('button', { name: 'Save number' }).click();
  await expect(page.getByText('Enter the number in international format')).toBeVisible();
  await page.getByLabel('Mobile phone number').fill('+1 206 555 0177');
  await page.getByRole('button', { name: 'Save number' }).click();
  await expect(page.getByText('We sent a code to +*******0177. It is valid for 24 hours.')).toBeVisible();
  const { code, phoneNumber } = await sms.latest('phoneless');
  expect(phoneNumber).toBe('+12065550177');
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Text message codes are on.' })).toBeVisible();
  await expect(page.getByTestId('sms-status')).toHaveText('On, codes go to +*******0177');
  await expect(page.getByTestId('phone-status')).toHaveText('Phone number +*******0177, verified.');

  await signOutFromAccount(page);
  await signIn(page, 'phoneless');
  await expect(page.getByText('We sent a code to +*******0177.')).toBeVisible();
});

test('sets up an authenticator app from settings; the next sign-in asks for its code', async ({ page, pool, totpCode, advanceClock }) => {
  await pool.createUser('gadget');
  await openAccount(page, 'gadget');
  await expect(page.getByTestId('totp-status')).toHaveText('Off');
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  const secret = await setUpTotp(page, totpCode);
  await expect(page.getByTestId('totp-status')).toHaveText('On');

  await signOutFromAccount(page);
  await advanceClock(30);
  await signIn(page, 'gadget');
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as gadget.');
});

test('replacing the authenticator warns first; afterwards only the new one works', async ({ page, pool, totpCode, advanceClock }) => {
  await pool.createUser('swapper');
  const oldSecret = await pool.enrollTotp('swapper');
  await page.goto('/');
  await signIn(page, 'swapper');
  await page.getByLabel('6-digit code').fill(totpCode(oldSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Replace authenticator app' }).click();
  await expect(page.getByText('Your current authenticator app stops working as soon as you start.')).toBeVisible();
  await page.getByRole('button', { name: 'Replace it' }).click();
  await advanceClock(30);
  const newSecret = await setUpTotp(page, totpCode);
  expect(newSecret).not.toBe(oldSecret);

  await signOutFromAccount(page);
  await advanceClock(30);
  await signIn(page, 'swapper');
  await page.getByLabel('6-digit code').fill(totpCode(oldSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
  await page.getByLabel('6-digit code').fill(totpCode(newSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as swapper.');
});

test('a replacement left half-way says the authenticator app is off; sign-in then asks for no code; finishing later turns the new one on', async ({ page, pool, totpCode, advanceClock }) => {
  await pool.createUser('halfway');
  const oldSecret = await pool.enrollTotp('halfway');
  await page.goto('/');
  await signIn(page, 'halfway');
  await page.getByLabel('6-digit code').fill(totpCode(oldSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Replace authenticator app' }).click();
  await page.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByTestId('totp-secret')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('heading', { name: 'Your authenticator app is off' })).toBeFocused();
  await expect(page.getByText("signing in won't ask for an authenticator code")).toBeVisible();
  await page.getByRole('button', { name: 'Leave it for now' }).click();
  await expect(page.getByTestId('totp-status')).toHaveText('Off until you finish setting up your new app');

  // What Cognito does meanwhile: no authenticator code at sign-in.
  await signOutFromAccount(page);
  await signIn(page, 'halfway');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as halfway.');

  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Replace authenticator app' }).click();
  await page.getByRole('button', { name: 'Replace it' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  // By keyboard: focus is on the heading; Tab reaches "Finish setting up".
  await expect(page.getByRole('heading', { name: 'Your authenticator app is off' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Finish setting up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await advanceClock(30);
  const newSecret = await setUpTotp(page, totpCode);
  await expect(page.getByTestId('totp-status')).toHaveText('On');

  await signOutFromAccount(page);
  await advanceClock(30);
  await signIn(page, 'halfway');
  await page.getByLabel('6-digit code').fill(totpCode(newSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as halfway.');
});

test('the preferred factor decides what the next sign-in asks for', async ({ page, pool, totpCode, sms }) => {
  await pool.createUser('picky', { phone: '+12065550178' });
  const secret = await pool.enrollTotp('picky');
  await pool.enableSms('picky');
  await page.goto('/');
  await signIn(page, 'picky');
  await expect(page.getByRole('heading', { name: 'Choose how to verify' })).toBeVisible();
  await page.getByRole('button', { name: 'Authenticator app' }).click();
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('region', { name: 'Text message (SMS)' }).getByRole('button', { name: 'Make preferred: text message (SMS)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your preferred method was saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Text message (SMS)' }).getByText('Preferred')).toBeVisible();

  await signOutFromAccount(page);
  await signIn(page, 'picky');
  await expect(page.getByText('We sent a code to +*******0178.')).toBeVisible();
  await page.getByLabel('6-digit code').fill((await sms.latest('picky')).code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as picky.');
});

test('removing the authenticator needs the right password; a wrong one changes nothing and sends no SMS', async ({ page, pool, totpCode, sms, emulator }) => {
  await pool.createUser('remover', { phone: '+12065550179' });
  const secret = await pool.enrollTotp('remover');
  await page.goto('/');
  await signIn(page, 'remover');
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Account security' }).click();
  const smsBefore = await sms.count('remover');

  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('heading', { name: 'Remove your authenticator app' })).toBeFocused();
  await page.getByLabel('Password', { exact: true }).fill('Wrong-Passw0rd!');
  await page.getByRole('button', { name: 'Remove authenticator app' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
  const stillOn = emulator.services.store.getUser(pool.poolId, 'remover')!;
  expect(stillOn.totpEnabled).toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('totp-status')).toHaveText('On');

  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Remove authenticator app' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your authenticator app was removed.' })).toBeVisible();
  await expect(page.getByTestId('totp-status')).toHaveText('Off');
  expect(await sms.count('remover')).toBe(smsBefore);

  await signOutFromAccount(page);
  await signIn(page, 'remover');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as remover.');
});

test.describe('a pool without TOTP', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: false } });

  test('says authenticator apps are not allowed; a user who already had one keeps seeing and using it', async ({ page, pool, totpCode }) => {
    await pool.createUser('late-adopter');
    await openAccount(page, 'late-adopter');
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await expect(page.getByRole('alert')).toHaveText('Authenticator apps are not enabled for this sign-in. Contact your administrator.');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    await pool.setMfa({ mfa: 'OPTIONAL', sms: true, totp: true });
    await pool.createUser('early-adopter');
    const secret = await pool.enrollTotp('early-adopter');
    await pool.setMfa({ mfa: 'OPTIONAL', sms: true, totp: false });
    await signIn(page, 'early-adopter');
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByTestId('totp-status')).toHaveText('On');
  });
});

test.describe('a pool that requires MFA', () => {
  test.use({ poolOptions: { mfa: 'ON', sms: true, totp: true } });

  test('refuses to turn off the last factor and explains why', async ({ page, pool, sms }) => {
    await pool.createUser('must', { phone: '+12065550180', sms: true });
    await page.goto('/');
    await signIn(page, 'must');
    await expect(page.getByText('We sent a code to +*******0180.')).toBeVisible();
    await page.getByLabel('6-digit code').fill((await sms.latest('must')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByText('Your organisation requires two-step verification.')).toBeVisible();
    await page.getByRole('button', { name: 'Turn off text message (SMS) codes' }).click();
    await expect(page.getByRole('alert')).toContainText('you cannot turn off your last method');
    await expect(page.getByTestId('sms-status')).toContainText('On, codes go to');
  });

  test('never removes the authenticator app, even with SMS on too (Cognito refuses it), and says what is possible', async ({ page, pool, totpCode, sms }) => {
    // Enrolled while MFA is optional (a required pool would challenge before any token is issued).
    await pool.setMfa({ mfa: 'OPTIONAL', sms: true, totp: true });
    await pool.createUser('both-required', { phone: '+12065550181' });
    const secret = await pool.enrollTotp('both-required');
    await pool.enableSms('both-required');
    await pool.setMfa({ mfa: 'ON', sms: true, totp: true });
    await page.goto('/');
    await signIn(page, 'both-required');
    await page.getByRole('button', { name: 'Authenticator app' }).click();
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Account security' }).click();
    await page.getByRole('button', { name: 'Remove authenticator app' }).click();
    await expect(page.getByRole('alert')).toHaveText(/the authenticator app can't be removed\. You can replace it/);
    await expect(page.getByTestId('totp-status')).toHaveText('On');
    expect(await sms.count('both-required')).toBe(0);
  });
});

test.describe('deleting the account', () => {
  test('says what goes, asks for the password (a wrong one is refused), then signs out and says the account is gone', async ({ page, pool, emulator }) => {
    await pool.createUser('leaver', { email: 'leaver@example.com' });
    await openAccount(page, 'leaver');
    await page.getByRole('button', { name: 'Delete account…' }).click();
    await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible();
    await expect(page.getByText('This cannot be undone.')).toBeVisible();
    // Keyboard only: the password field, then Enter.
    await page.getByLabel('Password', { exact: true }).focus();
    await page.keyboard.type('Wrong-Passw0rd!');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    expect(emulator.services.store.getUser(pool.poolId, 'leaver')).toBeDefined();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status').first()).toHaveText('Your account has been deleted.');
    expect(emulator.services.store.getUser(pool.poolId, 'leaver')).toBeUndefined();
    await signIn(page, 'leaver');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test('cancelled: account security again, the account kept', async ({ page, pool, emulator }) => {
    await pool.createUser('stayer');
    await openAccount(page, 'stayer');
    await page.getByRole('button', { name: 'Delete account…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
    expect(emulator.services.store.getUser(pool.poolId, 'stayer')).toBeDefined();
  });
});
