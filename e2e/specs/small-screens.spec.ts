/**
 * Phones: every screen at 320 px and 375 px wide has no horizontal scroll, fields keep the card's
 * width (the password's show/hide control sits under the field, not beside it), and every touch
 * target is at least 44 px high (WCAG 2.5.5).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/emulator';
import { walkEmailAndDeviceScreens, walkFederationScreens, walkLifecycleScreens, walkPasswordlessScreens, walkOtherScreens, walkSmsAndAccountScreens } from '../fixtures/screens';

async function expectFitsPhone(page: Page, screen: string): Promise<void> {
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const label = (e: Element) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? (e as HTMLInputElement).name ?? '').trim().slice(0, 40)}"`;
    // A checkbox is toggled by its label too (WCAG 2.5.8 counts it): the label is the target to measure.
    const target = (e: Element) => (e.matches('input[type=checkbox]') && e.id ? (document.querySelector(`label[for="${e.id}"]`) ?? e) : e);
    const targets = [...document.querySelectorAll('button, input:not([type=hidden]), a[href], select, textarea')].filter(visible).map(target);
    const card = document.querySelector('.card')?.getBoundingClientRect();
    return {
      overflow: root.scrollWidth - root.clientWidth,
      small: targets.filter((e) => e.getBoundingClientRect().height < 44).map((e) => `${label(e)}: ${e.getBoundingClientRect().height.toFixed(0)} px`),
      // A text field narrower than 80 % of the card's width is squeezed by something beside it.
      narrow: card
        ? targets.filter((e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type !== 'checkbox' && e.getBoundingClientRect().width < 0.8 * (card.width - 2 * parseFloat(getComputedStyle(document.querySelector('.card')!).paddingLeft))).map(label)
        : [],
    };
  });
  expect(layout.overflow, `${screen}: horizontal scroll`).toBeLessThanOrEqual(0);
  expect(layout.small, `${screen}: touch targets under 44 px`).toEqual([]);
  expect(layout.narrow, `${screen}: squeezed fields`).toEqual([]);
}

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

    test('provider buttons, single sign-on, a provider\'s error, the test IdP, signed in with a provider, a federated account', async ({ page, newPool, usePool, nextIdentity }) => {
      await walkFederationScreens(page, { newPool, usePool, nextIdentity }, (screen) => expectFitsPhone(page, screen));
    });
  });
}
