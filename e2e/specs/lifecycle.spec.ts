/**
 * The account lifecycle in the browser against the emulator: forgotten password (with MFA after
 * it), an administrator's reset, sign-up with autoSignIn, unconfirmed accounts, the unverified
 * e-mail offer, contact details and password change in account security, and the hosted routes.
 * Codes come from the emulator's outbox.
 */
import type { Page } from '@playwright/test';
import { expect, PASSWORD, RELYING_APP, signIn, test } from '../fixtures/emulator';

const NEW_PASSWORD = 'Brand-New-Passw0rd!';

test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, signUp: true } });

async function fillReset(page: Page, code: string, password = NEW_PASSWORD): Promise<void> {
  await page.getByLabel('6-digit code').fill(code);
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test.describe('forgotten password', () => {
  test('from the sign-in screen: username carried over, masked destination, rules as you type, wrong code retried, then into SMS MFA and signed in', async ({ page, pool, mail, sms }) => {
    await pool.createUser('forgetful', { email: 'forgetful@example.com', emailVerified: true, phone: '+12065550301', sms: true });
    await page.goto('/');
    await page.getByLabel('Username').fill('forgetful');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
    await expect(page.getByLabel('Username')).toHaveValue('forgetful');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByTestId('code-destination')).toHaveText('We sent a code by e-mail to f***@e***.');

    // The pool's rules, checked as the user types.
    await page.getByLabel('New password').fill('short');
    await expect(page.getByTestId('rule-minLength')).toHaveAttribute('data-met', 'false');
    await expect(page.getByTestId('rule-lowercase')).toHaveAttribute('data-met', 'true');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    for (const rule of ['minLength', 'lowercase', 'uppercase', 'number', 'symbol']) await expect(page.getByTestId(`rule-${rule}`)).toHaveAttribute('data-met', 'true');

    const { code } = await mail.latest('forgetful');
    await fillReset(page, wrong(code));
    await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await fillReset(page, code);
    // The user has SMS MFA: the sign-in continues into it, without retyping the password.
    await expect(page.getByText('We sent a code to +*******0301.')).toBeVisible();
    await page.getByLabel('6-digit code').fill((await sms.latest('forgetful')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as forgetful.');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'forgetful', PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
  });

  test('an account with no verified e-mail or phone gets a plain sentence, and nothing else breaks', async ({ page, pool }) => {
    await pool.createUser('stranded', { email: 'stranded@example.com' });
    await page.goto('/');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Username').fill('stranded');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByRole('alert')).toContainText('it has no verified e-mail address or phone number. Please contact support.');
    await page.getByRole('button', { name: 'Back to sign-in' }).click();
    await signIn(page, 'stranded');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as stranded.');
  });

  test('an unknown username looks the same as a known one (no account enumeration)', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Username').fill('nobody-at-all');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByTestId('code-destination')).toHaveText('If this account exists, we have sent it a code.');
    await fillReset(page, '123456');
    await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
  });

  test('an expired code says so; a new code works', async ({ page, pool, mail, advanceClock }) => {
    await pool.createUser('late', { email: 'late@example.com', emailVerified: true });
    await page.goto('/');
    await page.getByLabel('Username').fill('late');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('button', { name: 'Send code' }).click();
    const { code } = await mail.latest('late');
    await advanceClock(3601);
    await fillReset(page, code);
    await expect(page.getByRole('alert')).toHaveText('That code has expired. Request a new one.');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByRole('status')).toHaveText('We sent you a new code.');
    await expect.poll(async () => (await mail.latest('late')).code).not.toBe(code);
    await fillReset(page, (await mail.latest('late')).code);
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as late.');
  });

  test('after an administrator\'s reset, sign-in explains and leads into the reset', async ({ page, pool, mail }) => {
    await pool.createUser('was-reset', { email: 'was-reset@example.com', emailVerified: true });
    await pool.resetPassword('was-reset');
    await page.goto('/');
    await signIn(page, 'was-reset');
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
    await expect(page.getByText('Your administrator has reset your password.')).toBeVisible();
    await page.getByRole('button', { name: 'Send code' }).click();
    // The administrator's reset sent a code too; the one that counts is the newer.
    await expect.poll(() => mail.count('was-reset')).toBe(2);
    await fillReset(page, (await mail.latest('was-reset')).code);
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as was-reset.');
  });

  test('the whole reset can be done with the keyboard alone', async ({ page, pool, mail }) => {
    await pool.createUser('keys-reset', { email: 'keys-reset@example.com', emailVerified: true });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys-reset');
    await page.keyboard.press('Tab'); // password
    await page.keyboard.press('Tab'); // show password
    await page.keyboard.press('Tab'); // sign in
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Forgot your password?' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('6-digit code')).toBeFocused();
    await page.keyboard.type((await mail.latest('keys-reset')).code);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('New password')).toBeFocused();
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeFocused();
  });
});

test.describe('sign-up', () => {
  test('form with the rules, a taken username, a wrong code, a resend, then signed in without retyping the password (autoSignIn)', async ({ page, pool, mail, emulator }) => {
    await pool.createUser('taken');
    await page.goto('/');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeFocused();
    await page.getByLabel('Username').fill('taken');
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.getByLabel('Password', { exact: true }).fill('weakpass');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter an e-mail address, e.g. name@example.com.')).toBeVisible();
    await expect(page.getByText('The password does not meet all the rules below.')).toBeVisible();
    await page.getByLabel('E-mail address').fill('newbie@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert')).toHaveText('That username is already taken. Choose another one, or sign in.');

    await page.getByLabel('Username').fill('newbie');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeFocused();
    await expect(page.getByTestId('code-destination')).toHaveText('We sent a code by e-mail to n***@e***.');
    const first = (await mail.latest('newbie')).code;
    await page.getByLabel('6-digit code').fill(wrong(first));
    await page.getByRole('button', { name: 'Confirm account' }).click();
    await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByRole('status')).toHaveText('We sent you a new code.');
    await expect.poll(async () => (await mail.latest('newbie')).code).not.toBe(first);
    await page.getByLabel('6-digit code').fill((await mail.latest('newbie')).code);
    await page.getByRole('button', { name: 'Confirm account' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as newbie.');
    const stored = emulator.services.store.getUser(pool.poolId, 'newbie')!;
    expect(stored.status).toBe('CONFIRMED');
    expect(stored.attributes).toContainEqual(['email_verified', 'true']);
  });

  test('in a pool that requires MFA, the new account goes from confirmation straight into setting up an authenticator app', async ({ page, newPool, usePool, mail, totpCode }) => {
    await usePool(await newPool({ mfa: 'ON', sms: false, totp: true, signUp: true }));
    await page.goto('/');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Username').fill('strict-newbie');
    await page.getByLabel('E-mail address').fill('strict-newbie@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('6-digit code').fill((await mail.latest('strict-newbie')).code);
    await page.getByRole('button', { name: 'Confirm account' }).click();
    await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as strict-newbie.');
  });

  test('is not offered unless the config says so', async ({ page, newPool, usePool }) => {
    await usePool(await newPool({ mfa: 'OPTIONAL', sms: true, totp: true, signUp: false }));
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create an account' })).toHaveCount(0);
  });

  test('an unconfirmed account that signs in gets a fresh code and continues without retyping the password', async ({ page, pool, mail, emulator }) => {
    // Signed up, then left before confirming.
    await page.goto('/');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Username').fill('dawdler');
    await page.getByLabel('E-mail address').fill('dawdler@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
    await page.reload();
    await signIn(page, 'dawdler');
    await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeFocused();
    await expect(page.getByText('Your account is not confirmed yet.')).toBeVisible();
    await expect.poll(() => mail.count('dawdler')).toBe(2);
    await page.getByLabel('6-digit code').fill((await mail.latest('dawdler')).code);
    await page.getByRole('button', { name: 'Confirm account' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as dawdler.');
    expect(emulator.services.store.getUser(pool.poolId, 'dawdler')!.status).toBe('CONFIRMED');
  });

  test('hosted /signup keeps the return target through sign-up and confirmation', async ({ page, mail }) => {
    await page.goto(`/signup?redirect_uri=${encodeURIComponent(RELYING_APP)}&state=from-signup`);
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await page.getByLabel('Username').fill('hosted-newbie');
    await page.getByLabel('E-mail address').fill('hosted-newbie@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('6-digit code').fill((await mail.latest('hosted-newbie')).code);
    await page.getByRole('button', { name: 'Confirm account' }).click();
    await page.waitForURL(`${RELYING_APP}?state=from-signup`);
  });

  test('hosted /forgot-password opens the reset, keeps the return target, and refuses untrusted ones', async ({ page, pool, mail }) => {
    await pool.createUser('hosted-forgetful', { email: 'hosted-forgetful@example.com', emailVerified: true });
    await page.goto('/forgot-password?redirect_uri=https%3A%2F%2Fevil.example.com%2F');
    await expect(page.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible();
    await page.goto(`/forgot-password?redirect_uri=${encodeURIComponent(RELYING_APP)}&state=from-reset`);
    await page.getByLabel('Username').fill('hosted-forgetful');
    await page.getByRole('button', { name: 'Send code' }).click();
    await fillReset(page, (await mail.latest('hosted-forgetful')).code);
    await page.waitForURL(`${RELYING_APP}?state=from-reset`);
  });
});

test.describe('e-mail verification and account details', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, verifyEmail: true } });

  test('after sign-in, an unverified e-mail is offered for verification; skipping never blocks', async ({ page, pool, mail, emulator }) => {
    await pool.createUser('unverified', { email: 'unverified@example.com' });
    await pool.createUser('skipper', { email: 'skipper@example.com' });
    await page.goto('/');
    await signIn(page, 'unverified');
    await expect(page.getByRole('heading', { name: 'Verify your e-mail address' })).toBeFocused();
    await expect(page.getByText('Your e-mail address unverified@example.com is not verified yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await expect(page.getByText('We sent a code to u***@e***. It is valid for 24 hours.')).toBeVisible();
    await page.getByLabel('6-digit code').fill((await mail.latest('unverified')).code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as unverified.');
    expect(emulator.services.store.getUser(pool.poolId, 'unverified')!.attributes).toContainEqual(['email_verified', 'true']);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'skipper');
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as skipper.');
    // A reload restores the session without asking again.
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as skipper.');
  });

  test('account security shows e-mail and phone with their state, changes either with a code, and changes the password', async ({ page, pool, mail, sms }) => {
    await pool.createUser('tidy', { email: 'tidy@example.com', emailVerified: true, phone: '+12065550302' });
    await page.goto('/');
    await signIn(page, 'tidy');
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByTestId('email-status')).toHaveText('E-mail address tidy@example.com, verified.');
    await expect(page.getByTestId('phone-status')).toHaveText('Phone number +*******0302, not verified yet.');

    await page.getByRole('button', { name: 'Change e-mail address' }).click();
    await page.getByLabel('E-mail address').fill('tidier@example.com');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByText('We sent a code to t***@e***. It is valid for 24 hours.')).toBeVisible();
    await page.getByLabel('6-digit code').fill((await mail.latest('tidy')).code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your e-mail address is verified.' })).toBeVisible();
    await expect(page.getByTestId('email-status')).toHaveText('E-mail address tidier@example.com, verified.');

    await page.getByRole('button', { name: 'Change phone number' }).click();
    await page.getByLabel('Mobile phone number').fill('+12065550303');
    await page.getByRole('button', { name: 'Save number' }).click();
    await page.getByLabel('6-digit code').fill((await sms.latest('tidy')).code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your phone number is verified.' })).toBeVisible();
    await expect(page.getByTestId('phone-status')).toHaveText('Phone number +*******0303, verified.');

    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill('Wrong-Passw0rd!');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('alert')).toHaveText('Your current password is not right.');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeVisible();

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, 'tidy', NEW_PASSWORD);
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as tidy.');
  });
});
