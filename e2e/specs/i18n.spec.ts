import { expect, test } from '../fixtures/emulator';

test('renders German with ?lang=de, including translated Cognito errors', async ({ page, pool }) => {
  await pool.createUser('sprache');
  await page.goto('/?lang=de');
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Benutzername').fill('sprache');
  await page.getByLabel('Passwort', { exact: true }).fill('Falsches-Passw0rt!');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Benutzername oder Passwort ist falsch.');
});

test.describe('locale from config', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, locale: 'de' } });

  test('uses the configured language for the whole flow', async ({ page, pool, sms }) => {
    await pool.createUser('konfig', { phone: '+12065550124', sms: true });
    await page.goto('/');
    await page.getByLabel('Benutzername').fill('konfig');
    await page.getByLabel('Passwort', { exact: true }).fill('Correct-Horse-9!');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByText('Wir haben einen Code an +*******0124 gesendet.')).toBeVisible();
    await page.getByLabel('6-stelliger Code').fill((await sms.latest('konfig')).code);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('heading', { name: 'Sie sind angemeldet' })).toBeVisible();
  });

  test('an explicit ?lang=en wins over the configured language', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
