/**
 * Every screen of the app (the walks in e2e/fixtures/screens.ts), checked four ways in one walk:
 * - on phones, 320 px and 375 px wide: no horizontal scroll, fields keep the card's width (the
 *   password's show/hide control sits under the field, not beside it), and every touch target is
 *   at least 44 px high (WCAG 2.5.5);
 * - at 1280 px, axe finds nothing, in the light scheme and in the dark one.
 * The walk itself goes at 320 px, so each screen is also used on the narrowest phone. Walking each
 * flow once per check took three quarters of these tests' time; the checks are the same.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { test } from '../fixtures/emulator';
import { expectFitsPhone } from '../fixtures/layout';
import { walkEmailAndDeviceScreens, walkLifecycleScreens, walkPasswordlessScreens, walkTriggerScreens, walkOtherScreens, walkSmsAndAccountScreens } from '../fixtures/screens';

const PHONE = { width: 320, height: 720 };
const OTHER_PHONE = { width: 375, height: 720 };
const DESKTOP = { width: 1280, height: 720 };

/** The four checks on the screen shown, which is left as it was found: 320 px, light scheme. */
async function checkScreen(page: Page, screen: string): Promise<void> {
  await expectFitsPhone(page, `${PHONE.width} px: ${screen}`);
  await page.setViewportSize(OTHER_PHONE);
  await expectFitsPhone(page, `${OTHER_PHONE.width} px: ${screen}`);
  await page.setViewportSize(DESKTOP);
  await expectNoAxeViolations(page, `${screen}, light scheme`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, `${screen}, dark scheme`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(PHONE);
}

test.describe('every screen: axe in light and dark, and the layout at 320 px and 375 px', () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: PHONE, colorScheme: 'light' });

  test('sign-in, errors, SMS code, signed in, account security and its dialogs', async ({ page, pool, sms, totpCode }) => {
    await walkSmsAndAccountScreens(page, { pool, sms, totpCode }, (screen) => checkScreen(page, screen));
  });

  test('TOTP code, choice of factor, first-time TOTP setup, new password, phone entry, refused link', async ({ page, pool, newPool, usePool, totpCode }) => {
    await walkOtherScreens(page, { pool, newPool, usePool, totpCode }, (screen) => checkScreen(page, screen));
  });

  test('forgotten password, sign-up and its code, the e-mail offer, change password and e-mail', async ({ page, newPool, usePool, mail }) => {
    await walkLifecycleScreens(page, { newPool, usePool, mail }, (screen) => checkScreen(page, screen));
  });

  test('e-mail codes, three factors, remember this device, e-mail set-up, devices in account security', async ({ page, newPool, usePool, mail }) => {
    await walkEmailAndDeviceScreens(page, { newPool, usePool, mail }, (screen) => checkScreen(page, screen));
  });

  test('username first, the choice of first factor, the password factor, passkeys in account security', async ({ page, newPool, usePool, mail }) => {
    await walkPasswordlessScreens(page, { newPool, usePool, mail }, (screen) => checkScreen(page, screen));
  });

  test("a custom challenge, a trigger's refusal, groups once signed in", async ({ page, newPool, usePool }) => {
    await walkTriggerScreens(page, { newPool, usePool }, (screen) => checkScreen(page, screen));
  });
  // The federated sign-in's screens: at 320 px in every language (i18n.spec.ts), and in the dark scheme below.
});
