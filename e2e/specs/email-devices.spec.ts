/**
 * E-mail codes as an MFA factor and remembered devices, in Chromium against the emulator with real
 * Amplify: every code comes from the emulator's outbox.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures/emulator';

const codeField = (page: Page) => page.getByLabel('6-digit code');
const signedIn = (page: Page) => expect(page.getByTestId('signed-in-user')).toBeVisible();
const signOut = async (page: Page, everywhere = false) => {
  await page.getByRole('button', { name: everywhere ? 'Sign out everywhere' : 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
};

test.describe('e-mail codes', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, email: true } });

  test('signs in with an e-mail code: masked address, countdown, a wrong code, a resend', async ({ page, pool, mail }) => {
    await pool.createUser('mailer', { email: 'mailer@example.com', emailVerified: true, emailMfa: true });
    await page.goto('/');
    await signIn(page, 'mailer');
    await expect(page.getByRole('heading', { name: 'Enter the code we e-mailed you' })).toBeVisible();
    await expect(page.getByText('We sent a code by e-mail to m***@e***.')).toBeVisible();
    await expect(page.getByText('The code expires in')).toBeVisible();
    const first = await mail.latest('mailer');
    expect(first.message).toBe(`Your e2e sign-in code is ${first.code}`);
    await codeField(page).fill(first.code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByText('We sent you a new code.')).toBeVisible();
    const second = await mail.latest('mailer');
    expect(await mail.count('mailer')).toBe(2);
    await codeField(page).fill(second.code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
  });

  test('chooses among SMS, app and e-mail; a resend keeps the choice', async ({ page, pool, mail }) => {
    await pool.createUser('trio', { phone: '+12065550140', email: 'trio@example.com', emailVerified: true });
    await pool.enrollTotp('trio');
    await pool.enableSms('trio');
    await pool.enableEmailMfa('trio');
    await page.goto('/');
    await signIn(page, 'trio');
    const choices = page.getByRole('list').getByRole('button');
    await expect(choices).toHaveText(['Text message (SMS)', 'Authenticator app', 'Code by e-mail']);
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await expect(page.getByText('We sent a code by e-mail to t***@e***.')).toBeVisible();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(page.getByText('We sent you a new code.')).toBeVisible();
    expect(await mail.count('trio')).toBe(2);
    await codeField(page).fill((await mail.latest('trio')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
  });

  test('sets e-mail codes up at the first sign-in of a pool that requires MFA, then asks for them', async ({ page, newPool, usePool, mail }) => {
    const required = await newPool({ mfa: 'ON', sms: false, totp: true, email: true });
    await required.createUser('fresh');
    await usePool(required);
    await page.goto('/');
    await signIn(page, 'fresh');
    await expect(page.getByRole('heading', { name: 'Add a second sign-in step' })).toBeVisible();
    await expect(page.getByRole('list').getByRole('button')).toHaveText(['Authenticator app', 'Code by e-mail']);
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await page.getByLabel('E-mail address').fill('fresh@example.com');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(page.getByText('We sent a code by e-mail to f***@e***.')).toBeVisible();
    const setup = await mail.latest('fresh');
    expect(setup.destination).toBe('fresh@example.com');
    await codeField(page).fill(setup.code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByTestId('email-mfa-status')).toHaveText('On, codes go to fresh@example.com');
    await expect(page.getByTestId('email-status')).toHaveText('E-mail address fresh@example.com, verified.');
    await page.getByRole('button', { name: 'Back' }).click();
    await signOut(page);
    await signIn(page, 'fresh');
    await expect(page.getByRole('heading', { name: 'Enter the code we e-mailed you' })).toBeVisible();
  });

  test('account security: turning e-mail codes on verifies the address inline; then off again', async ({ page, pool, mail }) => {
    await pool.createUser('settler2', { email: 'settler2@example.com' });
    await page.goto('/');
    await signIn(page, 'settler2');
    await signedIn(page);
    await page.getByRole('button', { name: 'Account security' }).click();
    await expect(page.getByTestId('email-mfa-status')).toHaveText('Off');
    await expect(page.getByText('Codes only go to a verified address')).toBeVisible();
    await page.getByRole('button', { name: 'Turn on e-mail codes' }).click();
    await expect(page.getByRole('heading', { name: 'Verify your e-mail address' })).toBeVisible();
    const wrong = (await mail.latest('settler2')).code === '000000' ? '111111' : '000000';
    await codeField(page).fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await codeField(page).fill((await mail.latest('settler2')).code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByText('E-mail codes are on.')).toBeVisible();
    await expect(page.getByTestId('email-mfa-status')).toHaveText('On, codes go to settler2@example.com');
    await page.getByRole('button', { name: 'Turn off e-mail codes' }).click();
    await expect(page.getByText('E-mail codes are off.')).toBeVisible();
    await expect(page.getByTestId('email-mfa-status')).toHaveText('Off');
  });
});

test.describe('remembered devices, on the user\'s prompt', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, devices: 'onUserPrompt' } });

  test('"Remember this device" skips MFA next time, also after signing out everywhere; forgetting it brings MFA back', async ({ page, pool, sms }) => {
    await pool.createUser('keeper', { phone: '+12065550141', sms: true });
    await page.goto('/');
    await signIn(page, 'keeper');
    await codeField(page).fill((await sms.latest('keeper')).code);
    await page.getByLabel('Remember this device (skip this step next time)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await signOut(page, true);

    // A global sign-out does not forget devices (as Cognito): no code this time.
    await signIn(page, 'keeper');
    await signedIn(page);
    expect(await sms.count('keeper')).toBe(1);
    await page.getByRole('button', { name: 'Account security' }).click();
    const device = page.getByTestId('device');
    await expect(device).toHaveCount(1);
    await expect(device).toContainText('This device');
    await expect(device).toContainText('Remembered');
    await expect(device).toContainText('last sign-in');
    await page.getByRole('button', { name: 'Forget device: This device' }).click();
    await expect(page.getByText('The device was forgotten.')).toBeVisible();
    await expect(page.getByText('No devices yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await signOut(page);
    await signIn(page, 'keeper');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
  });

  test('without the box ticked, the next sign-in asks for a code again', async ({ page, pool, sms }) => {
    await pool.createUser('forgetful', { phone: '+12065550142', sms: true });
    await page.goto('/');
    await signIn(page, 'forgetful');
    await codeField(page).fill((await sms.latest('forgetful')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await signOut(page);
    await signIn(page, 'forgetful');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
  });

  test('a device forgotten from another browser signs in again, with MFA, instead of failing', async ({ page, pool, sms, browser }) => {
    await pool.createUser('roamer', { phone: '+12065550143', sms: true });
    await page.goto('/');
    await signIn(page, 'roamer');
    await codeField(page).fill((await sms.latest('roamer')).code);
    await page.getByLabel('Remember this device (skip this step next time)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await signOut(page);

    const other = await browser.newContext();
    await other.route('**/config.json', (route) => route.fulfill({ json: pool.config }));
    const laptop = await other.newPage();
    await laptop.goto('/');
    await signIn(laptop, 'roamer');
    await expect(laptop.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expect.poll(() => sms.count('roamer')).toBe(2);
    await codeField(laptop).fill((await sms.latest('roamer')).code);
    await laptop.getByRole('button', { name: 'Continue' }).click();
    await signedIn(laptop);
    await laptop.getByRole('button', { name: 'Account security' }).click();
    await expect(laptop.getByTestId('device')).toHaveCount(2);
    const firstBrowser = laptop.getByTestId('device').filter({ hasNotText: 'This device' });
    await firstBrowser.getByRole('button', { name: /Forget device/ }).click();
    await expect(laptop.getByTestId('device')).toHaveCount(1);
    await other.close();

    // Cognito answers "Device does not exist." for the stale key; the app drops it and signs in as a new device.
    await signIn(page, 'roamer');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expect.poll(() => sms.count('roamer')).toBe(3);
    await codeField(page).fill((await sms.latest('roamer')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
  });

  test('keyboard alone: the code, the remember box and submit', async ({ page, pool, sms }) => {
    await pool.createUser('keys-remember', { phone: '+12065550144', sms: true });
    await page.goto('/');
    await signIn(page, 'keys-remember');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(codeField(page)).toBeFocused();
    await page.keyboard.type((await sms.latest('keys-remember')).code);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Remember this device (skip this step next time)')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Remember this device (skip this step next time)')).toBeChecked();
    await page.keyboard.press('Enter');
    await signedIn(page);
    await signOut(page);
    await signIn(page, 'keys-remember');
    await signedIn(page);
  });
});

test.describe('remembered devices, always', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, devices: 'always' } });

  test('no box to tick: every device is remembered and skips MFA next time', async ({ page, pool, sms }) => {
    await pool.createUser('always', { phone: '+12065550145', sms: true });
    await page.goto('/');
    await signIn(page, 'always');
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expect(page.getByLabel(/Remember this device/)).toHaveCount(0);
    await codeField(page).fill((await sms.latest('always')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signedIn(page);
    await signOut(page);
    await signIn(page, 'always');
    await signedIn(page);
  });
});
