/**
 * What the pool's Lambda triggers do, as a user meets it, in Chromium against the emulator running
 * the demo triggers (emulator/demo-lambdas): a custom challenge (with and without the password),
 * user migration at sign-in and at password reset, an auto-confirmed sign-up, a trigger's refusal,
 * and the user's groups.
 */
import type { Page } from '@playwright/test';
import { expect, PASSWORD, signIn, test } from '../fixtures/emulator';

test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true, signUp: true, authFlow: 'customWithSrp' } });

const signedIn = (page: Page) => expect(page.getByTestId('signed-in-user')).toBeVisible();
const answer = async (page: Page, text: string) => {
  await page.getByLabel('Your answer').fill(text);
  await page.getByRole('button', { name: 'Continue' }).click();
};

test.describe('a custom challenge (authFlow customWithSrp)', () => {
  test('the password, then the question: a wrong answer is not accepted, the right one signs in', async ({ page, pool }) => {
    await pool.createUser('pet-owner', { attributes: { 'custom:pet': 'Rex' } });
    await page.goto('/');
    await signIn(page, 'pet-owner');
    await expect(page.getByRole('heading', { name: 'One more step' })).toBeFocused();
    await expect(page.getByText('What was the name of your first pet?')).toBeVisible();
    // Nothing private is shown: the answer stays in the trigger's private parameters.
    await expect(page.getByText('Rex')).toHaveCount(0);
    await answer(page, 'Tom');
    await expect(page.getByRole('status')).toHaveText('That answer was not accepted. Try again.');
    await expect(page.getByLabel('Your answer')).toHaveValue('');
    await answer(page, ' rex ');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as pet-owner.');
  });

  test('out of tries: three wrong answers end the sign-in on the sign-in screen', async ({ page, pool }) => {
    await pool.createUser('forgetful-owner', { attributes: { 'custom:pet': 'Rex' } });
    await page.goto('/');
    await signIn(page, 'forgetful-owner');
    for (const wrong of ['Tom', 'Felix']) {
      await answer(page, wrong);
      await expect(page.getByRole('status')).toHaveText('That answer was not accepted. Try again.');
    }
    await answer(page, 'Spot');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    // A new sign-in starts over.
    await signIn(page, 'forgetful-owner');
    await answer(page, 'Rex');
    await signedIn(page);
  });

  test('a wrong password never reaches the question; a user without one signs in with the password alone', async ({ page, pool }) => {
    await pool.createUser('pet-owner-2', { attributes: { 'custom:pet': 'Rex' } });
    await pool.createUser('no-pet');
    await page.goto('/');
    await signIn(page, 'pet-owner-2', 'Wrong-Passw0rd!');
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    await signIn(page, 'no-pet');
    await signedIn(page);
  });

  test('the whole custom challenge with the keyboard alone', async ({ page, pool }) => {
    await pool.createUser('keys-pet', { attributes: { 'custom:pet': 'Rex' } });
    await page.goto('/');
    // Shown (the first screen waits for its language and mode), and the app's: as a keyboard user finds it.
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.type('keys-pet');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'One more step' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Your answer')).toBeFocused();
    await page.keyboard.type('Rex');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
  });
});

test.describe('a custom challenge without the password (authFlow customWithoutSrp)', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true, authFlow: 'customWithoutSrp' } });

  test('the username, then the answer', async ({ page, pool }) => {
    await pool.createUser('magic-pet', { attributes: { 'custom:pet': 'Rex' } });
    await page.goto('/');
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await page.getByLabel('Username').fill('magic-pet');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('What was the name of your first pet?')).toBeVisible();
    await answer(page, 'Rex');
    await signedIn(page);
  });
});

test.describe('user migration', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true, authFlow: 'password' } });

  test('a user of the old system signs in (USER_PASSWORD_AUTH) and is in the pool from then on; a wrong password is refused like any other', async ({ page, pool, emulator }) => {
    await page.goto('/');
    await signIn(page, 'legacy-user', 'Wrong-Passw0rd!');
    await expect(page.getByRole('alert')).toContainText('Incorrect username or password');
    expect(emulator.services.store.getUser(pool.poolId, 'legacy-user')).toBeUndefined();
    await signIn(page, 'legacy-user', 'Legacy-Passw0rd!');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as legacy-user.');
    const migrated = emulator.services.store.getUser(pool.poolId, 'legacy-user')!;
    expect(migrated.status).toBe('CONFIRMED');
    expect(migrated.attributes).toContainEqual(['email', 'legacy-user@example.com']);
  });
});

test.describe('user migration at a password reset (any sign-in flow)', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true } });

  test('"Forgot your password?" for a user of the old system: a code to their e-mail, a new password, signed in', async ({ page, mail }) => {
    await page.goto('/');
    await page.getByLabel('Username').fill('legacy-user');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByTestId('code-destination')).toHaveText('We sent a code by e-mail to l***@e***.');
    await page.getByLabel('6-digit code').fill((await mail.latest('legacy-user')).code);
    await page.getByLabel('New password').fill('Brand-New-Passw0rd!');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as legacy-user.');
  });
});

test.describe('sign-up with a PreSignUp trigger', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true, signUp: true } });

  const signUp = async (page: Page, username: string, email: string) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
  };

  test('an auto-confirmed address goes straight on, signed in without a code', async ({ page, pool, emulator, mail }) => {
    await signUp(page, 'auto-newbie', 'auto-newbie@auto.example');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as auto-newbie.');
    const stored = emulator.services.store.getUser(pool.poolId, 'auto-newbie')!;
    expect(stored.status).toBe('CONFIRMED');
    expect(stored.attributes).toContainEqual(['email_verified', 'true']);
    expect(await mail.count('auto-newbie')).toBe(0);
  });

  test("a refused sign-up shows the trigger's reason, and keeps what was typed", async ({ page, pool, emulator }) => {
    await signUp(page, 'blocked-newbie', 'someone@blocked.example');
    await expect(page.getByRole('alert')).toHaveText('Sign-ups from blocked.example are closed.');
    await expect(page.getByLabel('Username')).toHaveValue('blocked-newbie');
    expect(emulator.services.store.getUser(pool.poolId, 'blocked-newbie')).toBeUndefined();
  });
});

test.describe('PreAuthentication and groups', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true } });

  test("a sign-in the trigger refuses shows its reason; the user's groups are shown once signed in", async ({ page, pool }) => {
    await pool.createUser('suspended-user');
    await pool.createUser('grouped');
    for (const [GroupName, Precedence] of [['staff', 10], ['admins', 1]] as const) {
      await pool.admin('CreateGroup', { GroupName, Precedence });
      await pool.admin('AdminAddUserToGroup', { Username: 'grouped', GroupName });
    }
    await page.goto('/');
    await signIn(page, 'suspended-user');
    await expect(page.getByRole('alert')).toHaveText('This account is suspended. Contact support to restore it.');
    await signIn(page, 'grouped');
    await expect(page.getByTestId('signed-in-groups')).toHaveText('Groups: admins, staff');
  });
});
