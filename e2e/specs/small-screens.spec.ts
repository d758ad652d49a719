/**
 * Phones: every screen at 320 px and 375 px wide has no horizontal scroll, fields keep the card's
 * width (the password's show/hide control sits under the field, not beside it), and every touch
 * target is at least 44 px high (WCAG 2.5.5).
 */
import { test } from '../fixtures/emulator';
import { expectFitsPhone } from '../fixtures/layout';
import { walkEmailAndDeviceScreens, walkLifecycleScreens, walkPasswordlessScreens, walkTriggerScreens, walkOtherScreens, walkSmsAndAccountScreens } from '../fixtures/screens';

for (const width of [320, 375]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 720 } });

    test('sign-in, errors, SMS code, signed in, account security and its dialogs', async ({ page, pool, sms, totpCode }) => {
      await walkSmsAndAccountScreens(page, { pool, sms, totpCode }, (screen) => expectFitsPhone(page, screen));
    });

    test('TOTP code, choice of factor, first-time TOTP setup, new password, phone entry, refused link', async ({ page, pool, newPool, usePool, totpCode }) => {
      await walkOtherScreens(page, { pool, newPool, usePool, totpCode }, (screen) => expectFitsPhone(page, screen));
    });

    test('forgotten password, sign-up and its code, the e-mail offer, change password and e-mail', async ({ page, newPool, usePool, mail }) => {
      await walkLifecycleScreens(page, { newPool, usePool, mail }, (screen) => expectFitsPhone(page, screen));
    });

    test('e-mail codes, three factors, remember this device, e-mail set-up, devices in account security', async ({ page, newPool, usePool, mail }) => {
      await walkEmailAndDeviceScreens(page, { newPool, usePool, mail }, (screen) => expectFitsPhone(page, screen));
    });

    test('username first, the choice of first factor, the password factor, passkeys in account security', async ({ page, newPool, usePool, mail }) => {
      await walkPasswordlessScreens(page, { newPool, usePool, mail }, (screen) => expectFitsPhone(page, screen));
    });

    test("a custom challenge, a trigger's refusal, groups once signed in", async ({ page, newPool, usePool }) => {
      await walkTriggerScreens(page, { newPool, usePool }, (screen) => expectFitsPhone(page, screen));
    });
    // The federated sign-in's screens are checked at 320 px in every language (i18n.spec.ts).
  });
}
