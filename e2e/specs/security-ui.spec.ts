import { expect, PASSWORD, signIn, test } from '../fixtures/emulator';

test('XSS payloads in the username and attributes render as text', async ({ page, pool }) => {
  const payload = '<img/src=x/onerror=window.__xss=1>';
  await pool.createUser(payload, { email: '"><svg/onload=window.__xss=2>@example.com' });
  let dialogs = 0;
  page.on('dialog', (d) => void (dialogs++, d.dismiss()));
  await page.goto('/');
  await signIn(page, payload);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${payload}.`);
  await expect(page.getByTestId('signed-in-email')).toHaveText('"><svg/onload=window.__xss=2>@example.com');
  await page.getByRole('button', { name: 'Account security' }).click();
  await expect(page.getByTestId('totp-status')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('passwords, codes, secrets and tokens stay out of the console, URLs and storage', async ({ page, pool, sms, totpCode }) => {
  await pool.createUser('discreet', { phone: '+12065550140', sms: true });
  const consoleText: string[] = [];
  const urls: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  page.on('pageerror', (e) => consoleText.push(String(e)));
  page.on('request', (r) => urls.push(r.url()));
  page.on('framenavigated', (f) => urls.push(f.url()));

  await page.goto('/');
  await signIn(page, 'discreet');
  await expect(page.getByText('We sent a code to +*******0140.')).toBeVisible();
  const { code } = await sms.latest('discreet');
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Account security' }).click();
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  const totp = totpCode(secret);
  await page.getByLabel('6-digit code').fill(totp);
  await page.getByRole('button', { name: 'Verify and continue' }).click();
  await expect(page.getByTestId('totp-status')).toHaveText('On');

  const storage = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
  }));
  const tokens = storage.local.filter(([k]) => /\.(accessToken|idToken|refreshToken)$/.test(k)).map(([, v]) => v);
  expect(tokens).toHaveLength(3);
  const secrets = [PASSWORD, code, totp, secret, ...tokens];

  for (const s of secrets) {
    expect(consoleText.filter((t) => t.includes(s)), 'console').toEqual([]);
    expect(urls.filter((u) => u.includes(s) || u.includes(encodeURIComponent(s))), 'URLs').toEqual([]);
  }
  // localStorage holds Amplify's token storage and nothing else of ours.
  expect(storage.local.every(([k]) => k.startsWith('CognitoIdentityServiceProvider.')), JSON.stringify(storage.local.map(([k]) => k))).toBe(true);
  for (const [key, value] of [...storage.local, ...storage.session]) {
    for (const s of [PASSWORD, code, totp, secret]) expect(value.includes(s), `${key} holds a secret`).toBe(false);
  }
  expect(storage.session.every(([k]) => k.startsWith('CognitoSignInState.') || k === 'signin.challengeOpen')).toBe(true);
});
