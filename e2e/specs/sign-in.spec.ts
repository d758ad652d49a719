import { decodeQr } from '../fixtures/qr';
import { expect, PASSWORD, signIn, test } from '../fixtures/emulator';

test.describe('password sign-in', () => {
  test('signs in a user without MFA, shows who is signed in, and keeps the session on reload', async ({ page, pool }) => {
    await pool.createUser('plain');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    await signIn(page, 'plain');
    await expect(page.getByRole('heading', { name: 'You are signed in' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as plain.');
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as plain.');
  });

  test('shows the same message for a wrong password and an unknown user, and lets the user retry', async ({ page, pool }) => {
    await pool.createUser('retry');
    await page.goto('/');
    await signIn(page, 'retry', 'Wrong-Passw0rd!');
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    await signIn(page, 'nobody-here');
    await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
    await signIn(page, 'retry');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as retry.');
  });

  test('validates empty fields without calling the backend', async ({ page }) => {
    let calls = 0;
    page.on('request', (r) => void (r.method() === 'POST' && calls++));
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your username.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    expect(calls).toBe(0);
  });

  test('shows and hides the password', async ({ page }) => {
    await page.goto('/');
    const field = page.getByLabel('Password', { exact: true });
    await field.fill('secret');
    await expect(field).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(field).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    await expect(field).toHaveAttribute('type', 'password');
  });

  test('signs out', async ({ page, pool }) => {
    await pool.createUser('leaver');
    await page.goto('/');
    await signIn(page, 'leaver');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('You have signed out.');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});

test.describe('SMS MFA', () => {
  test('shows the masked destination, takes the code from the outbox (pasted with a space) and marks the phone verified', async ({ page, pool, sms }) => {
    await pool.createUser('texter', { phone: '+12065550100', sms: true });
    await page.goto('/');
    await signIn(page, 'texter');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expect(page.getByText('We sent a code to +*******0100.')).toBeVisible();
    await expect(page.locator('.countdown')).toHaveText(/^[23]:\d\d$/);
    const { code, message } = await sms.latest('texter');
    expect(message).toBe(`Your e2e code is ${code}`);
    const input = page.getByLabel('6-digit code');
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await input.focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `${code.slice(0, 3)} ${code.slice(3)}`);
    await input.pressSequentially(`${code.slice(0, 3)} ${code.slice(3)}`);
    await expect(input).toHaveValue(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as texter.');
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByTestId('phone-status')).toHaveText('Phone number +*******0100, verified.');
  });

  test('refuses a wrong code, then accepts the right one', async ({ page, pool, sms }) => {
    await pool.createUser('typo', { phone: '+12065550111', sms: true });
    await page.goto('/');
    await signIn(page, 'typo');
    await expect(page.getByText('We sent a code to +*******0111.')).toBeVisible();
    const { code } = await sms.latest('typo');
    await page.getByLabel('6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as typo.');
  });

  test('an expired code sends the user back to sign-in with an explanation', async ({ page, pool, sms, advanceClock }) => {
    await pool.createUser('slowpoke', { phone: '+12065550112', sms: true });
    await page.goto('/');
    await signIn(page, 'slowpoke');
    await expect(page.getByText('We sent a code to +*******0112.')).toBeVisible();
    const { code } = await sms.latest('slowpoke');
    await advanceClock(181);
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Your sign-in session has ended. Please sign in again.');
  });

  test('resends a code: a new SMS arrives and only the new code works', async ({ page, pool, sms }) => {
    await pool.createUser('again', { phone: '+12065550113', sms: true });
    await page.goto('/');
    await signIn(page, 'again');
    await expect(page.getByText('We sent a code to +*******0113.')).toBeVisible();
    const { code: first } = await sms.latest('again');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByRole('status')).toHaveText('We sent you a new code.');
    expect(await sms.count('again')).toBe(2);
    const { code } = await sms.latest('again');
    if (first !== code) {
      await page.getByLabel('6-digit code').fill(first);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    }
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as again.');
  });

  test('a reload in the middle of the challenge returns to sign-in with a message', async ({ page, pool }) => {
    await pool.createUser('reloader', { phone: '+12065550114', sms: true });
    await page.goto('/');
    await signIn(page, 'reloader');
    await expect(page.getByText('We sent a code to +*******0114.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Your sign-in was interrupted. Please sign in again.');
  });
});

test.describe('TOTP', () => {
  test('signs in with a code from the authenticator app', async ({ page, pool, totpCode }) => {
    await pool.createUser('apper');
    const secret = await pool.enrollTotp('apper');
    await page.goto('/');
    await signIn(page, 'apper');
    await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as apper.');
  });

  test('lets the user choose SMS or the app when both are on', async ({ page, pool, totpCode }) => {
    await pool.createUser('chooser', { phone: '+12065550115' });
    const secret = await pool.enrollTotp('chooser');
    await page.goto('/');
    // Turn SMS on too, with no preference: Cognito then asks which one to use.
    await signIn(page, 'chooser');
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Account security' }).click();
    await page.getByRole('button', { name: 'Turn on text message (SMS) codes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Text message codes are on.' })).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    await signIn(page, 'chooser');
    await expect(page.getByRole('heading', { name: 'Choose how to verify' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Text message (SMS)' })).toBeVisible();
    await page.getByRole('button', { name: 'Authenticator app' }).click();
    await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
  });
});

test.describe('first sign-in', () => {
  test.use({ poolOptions: { mfa: 'ON', sms: false, totp: true, appName: 'Acme Portal' } });

  test('sets up TOTP (MFA_SETUP): the QR code decodes to the otpauth URI and the key works', async ({ page, pool, totpCode }) => {
    await pool.createUser('newbie');
    await page.goto('/');
    await signIn(page, 'newbie');
    await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = await decodeQr(page.getByTestId('totp-qr'));
    expect(uri).toBe(`otpauth://totp/Acme%20Portal:newbie?secret=${secret}&issuer=Acme%20Portal&algorithm=SHA1&digits=6&period=30`);
    await page.getByLabel('6-digit code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as newbie.');
  });

  test('requires a new password for a temporary one, showing the rules and policy errors', async ({ page, pool, context }) => {
    await pool.setMfa({ mfa: 'OFF', sms: false, totp: false });
    await pool.createUser('rookie', { temporaryPassword: 'Temp-Passw0rd!' });
    // A config whose policy is laxer than the pool's: the pool's own refusal must read well too.
    await context.route('**/config.json', (route) =>
      route.fulfill({ json: { ...pool.config, passwordPolicy: { minLength: 6, requireLowercase: true, requireUppercase: false, requireNumbers: false, requireSymbols: false } } }),
    );
    await page.goto('/');
    await signIn(page, 'rookie', 'Temp-Passw0rd!');
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByTestId('rule-minLength')).toHaveText(/at least 6 characters/);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('other');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByText('The password does not meet all the rules below.')).toBeVisible();
    await expect(page.getByText('The passwords do not match.')).toBeVisible();
    await page.getByLabel('New password', { exact: true }).fill('lowercase');
    await page.getByLabel('Confirm new password').fill('lowercase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByRole('alert')).toContainText('That password does not meet the rules');
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm new password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as rookie.');
  });
});
