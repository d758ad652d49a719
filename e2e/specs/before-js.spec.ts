/**
 * The sign-in form works before its JavaScript arrives: it is in the HTML the server sends
 * (prerendered at build time), typeable with scripts off, never submitted to the server, and taken
 * over by the app without losing what was typed or a "Sign in" already pressed.
 */
import type { Page, Route } from '@playwright/test';
import { APP_ORIGIN, expect, PASSWORD, test } from '../fixtures/emulator';

/** Holds the app's main script until `release` is called: the page as a slow network shows it. */
async function holdAppScript(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let markHeld!: () => void;
  const held = new Promise<void>((r) => (markHeld = r));
  await page.route(/\/assets\/main-[\w-]+\.js$/, async (route: Route) => {
    markHeld();
    await gate;
    await route.continue();
  });
  return { release, held };
}

/** Holds the lazily loaded Amplify chunk (the session can't be restored without it) until `release`. */
async function holdAmplify(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let markHeld!: () => void;
  const held = new Promise<void>((r) => (markHeld = r));
  await page.route(/\/assets\/early-sign-in-[\w-]+\.js$/, async (route: Route) => {
    markHeld();
    await gate;
    await route.continue();
  });
  return { release, held };
}

const appReady = (page: Page) => expect(page.locator('form[data-prerendered]')).toHaveCount(0);

test('the server sends the sign-in form, labelled, for / and the hosted /login', async ({ request }) => {
  for (const path of ['/', '/login?redirect_uri=x']) {
    const html = await (await request.get(`${APP_ORIGIN}${path}`)).text();
    expect(html).toContain('<h1 tabindex="-1" id="screen-heading" class="screen-title"><span data-t="signIn.title">Sign in</span></h1>');
    expect(html).toMatch(/<label for="username"><span data-t="field.username">Username<\/span><\/label><input id="username"[^>]*name="username"/);
    expect(html).toMatch(/<label for="password"><span data-t="field.password">Password<\/span><\/label>.*<input id="password" type="password"[^>]*name="password"/);
    // No inline script: the strict CSP stays. The first screen's strings are a JSON data block, which no browser runs.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/);
    expect(html).toMatch(/<script type="application\/json" id="first-screen-data">\{"strings":\{"de":\{/);
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the form is styled and typeable, and neither Enter nor "Sign in" sends anything anywhere', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/');
    const username = page.getByLabel('Username');
    await expect(username).toBeVisible();
    // Styled: the card's CSS applied (a field as wide as the card, a 44 px touch target).
    expect((await username.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await username.fill('early-bird');
    await page.getByLabel('Password', { exact: true }).fill('Secret-Passw0rd!');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    // Without scripts the button can't do anything, and says so by being disabled.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await page.getByRole('button', { name: 'Sign in' }).click({ force: true });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${APP_ORIGIN}/`);
    expect(requests.filter((u) => u.includes('Secret') || u.includes('password='))).toEqual([]);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('Secret-Passw0rd!');
  });
});

test('what was typed before the app arrived stays, with the caret where it was, and signs in', async ({ page, pool }) => {
  await pool.createUser('typist');
  const { release, held } = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await held;
  await page.getByLabel('Username').fill('typist');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password', { exact: true }).press('ArrowLeft');
  release();
  await appReady(page);
  await expect(page.getByLabel('Username')).toHaveValue('typist');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  // The caret is back one character before the end: typing goes on where the user left off.
  await page.keyboard.type('x');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(`${PASSWORD.slice(0, -1)}x${PASSWORD.slice(-1)}`);
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as typist.');
});

test('"Sign in" pressed before the app arrived waits for it, then signs in', async ({ page, pool }) => {
  await pool.createUser('hasty');
  const { release, held } = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await held;
  await page.getByLabel('Username').fill('hasty');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Please wait…' })).toBeVisible();
  expect(page.url()).toBe(`${APP_ORIGIN}/`);
  release();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as hasty.');
});

test('Enter in the password field before the app arrived waits for it too; a wrong password is then an ordinary error', async ({ page, pool }) => {
  await pool.createUser('eager');
  const { release, held } = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await held;
  await page.getByLabel('Username').fill('eager');
  await page.getByLabel('Password', { exact: true }).fill('Wrong-Passw0rd!');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  release();
  await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
  await expect(page.getByLabel('Username')).toHaveValue('eager');
});

/** The Cognito operations the page calls, in order (the X-Amz-Target of Amplify's requests). */
function cognitoCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const target = r.headers()['x-amz-target'];
    if (target?.startsWith('AWSCognitoIdentityProviderService.')) calls.push(target.split('.')[1]!);
  });
  return calls;
}

/** Amplify has stored the tokens (its localStorage keys end in .idToken): the sign-in is done. */
const sessionStored = (page: Page) => page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith('.idToken')));

/**
 * The app's script held back, the prerendered form filled in and submitted (Enter, or the button):
 * what Cognito is asked meanwhile, and the hold's release.
 */
async function submitBeforeTheApp(page: Page, username: string, submit: 'Enter' | 'button' = 'Enter'): Promise<{ calls: string[]; release: () => void }> {
  const calls = cognitoCalls(page);
  const { release, held } = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await held;
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  if (submit === 'Enter') await page.getByLabel('Password', { exact: true }).press('Enter');
  else await page.getByRole('button', { name: 'Sign in' }).click();
  return { calls, release };
}

test.describe('a sign-in pressed before the app arrived (a password manager\'s autofill)', () => {
  test('starts at once, with Amplify alone, and the app takes it over: Cognito is asked once', async ({ page, pool }) => {
    await pool.createUser('autofilled');
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const { calls, release } = await submitBeforeTheApp(page, 'autofilled');
    // The app's script is still held back, and the sign-in is done with Cognito already.
    await expect.poll(() => calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    // As in a form being sent: what was pressed is what signs in.
    await expect(page.getByLabel('Username')).not.toBeEditable();
    await sessionStored(page);
    // The screens after sign-in are on their way too: the answer may come before the app.
    expect(fetched.some((p) => /^\/assets\/later-screens-[\w-]+\.js$/.test(p))).toBe(true);
    release();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as autofilled.');
    expect(calls.filter((c) => c === 'InitiateAuth')).toHaveLength(1);
  });

  test('an MFA code asked for by the early sign-in is answered on the app\'s screen, with no "interrupted" notice', async ({ page, pool, sms }) => {
    await pool.createUser('early-texter', { phone: '+12065550123', sms: true });
    const { calls, release } = await submitBeforeTheApp(page, 'early-texter', 'button');
    await expect.poll(() => calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    release();
    await expect(page.getByRole('heading', { name: 'Enter the code we texted you' })).toBeVisible();
    await expect(page.getByText('We sent a code to +*******0123.')).toBeVisible();
    await expect(page.getByText('Your sign-in was interrupted.')).toHaveCount(0);
    await page.getByLabel('6-digit code').fill((await sms.latest('early-texter')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as early-texter.');
    expect(calls.filter((c) => c === 'InitiateAuth')).toHaveLength(1);
  });

  test.describe('with the e-mail offer on', () => {
    test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, verifyEmail: true } });

    test('a sign-in done before the app came is the app\'s own: an unverified e-mail is offered for verification', async ({ page, pool }) => {
      await pool.createUser('early-unverified', { email: 'early-unverified@example.com' });
      const { calls, release } = await submitBeforeTheApp(page, 'early-unverified');
      // Signed in with Cognito before the app is let through: the session is stored already.
      await expect.poll(() => calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
      await sessionStored(page);
      release();
      await expect(page.getByRole('heading', { name: 'Verify your e-mail address' })).toBeFocused();
      await expect(page.getByText('Your e-mail address early-unverified@example.com is not verified yet.')).toBeVisible();
    });
  });

  test('with someone signed in on this device, nothing starts early: the app shows who is signed in', async ({ page, pool }) => {
    await pool.createUser('already-here');
    await page.goto('/');
    await page.getByLabel('Username').fill('already-here');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as already-here.');
    const calls = cognitoCalls(page);
    const { release, held } = await holdAppScript(page);
    const earlyChunk = page.waitForResponse(/\/assets\/early-sign-in-[\w-]+\.js$/);
    await page.goto('/', { waitUntil: 'commit' });
    await held;
    await page.getByLabel('Username').fill('someone-else');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await earlyChunk;
    // The press reached the early sign-in (the fields lock), which then found the session and stopped.
    await expect(page.getByLabel('Username')).not.toBeEditable();
    await page.waitForTimeout(500);
    expect(calls).toEqual([]);
    release();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as already-here.');
    expect(calls).not.toContain('InitiateAuth');
  });
});

test('/config.json is fetched alongside the scripts, not after them', async ({ page }) => {
  const { release, held } = await holdAppScript(page);
  const config = page.waitForRequest((r) => r.url().endsWith('/config.json'));
  await page.goto('/', { waitUntil: 'commit' });
  await held;
  // The app's script is still held, and the config is already on its way.
  await config;
  release();
  await appReady(page);
});

test('hosted /forgot-password gets the same prerendered page: a username typed there carries into the reset form', async ({ page, pool, mail }) => {
  await pool.createUser('early-reset', { email: 'early-reset@example.com', emailVerified: true });
  const { release, held } = await holdAppScript(page);
  // The session is restored after takeover, with Amplify (asked for early by the first screen): hold
  // that too, to see the page meanwhile.
  const restoring = await holdAmplify(page);
  await page.goto('/forgot-password', { waitUntil: 'commit' });
  await held;
  await page.getByLabel('Username').fill('early-reset');
  release();
  await restoring.held;
  // No sign-in form while the session is restored on this route: typing there would be lost.
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  restoring.release();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue('early-reset');
  await page.getByRole('button', { name: 'Send code' }).click();
  expect((await mail.latest('early-reset')).destination).toBe('early-reset@example.com');
});

/**
 * What the page shows the moment it is first shown: recorded in the page when /first-screen.js
 * lifts its "pending" mark (until then the prerendered page is hidden), with whether it was hidden.
 */
async function recordFirstShown(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstShown?: { text: string; passwordFields: number; lang: string; dir: string }; __hiddenWhilePending?: boolean[] };
    w.__hiddenWhilePending = [];
    new MutationObserver(() => {
      const html = document.documentElement;
      const screen = document.querySelector<HTMLElement>('.signin-page');
      if (screen && html.hasAttribute('data-first-screen')) w.__hiddenWhilePending!.push(getComputedStyle(screen).visibility === 'hidden');
      if (screen && !html.hasAttribute('data-first-screen') && !w.__firstShown) {
        w.__firstShown = { text: screen.innerText, passwordFields: screen.querySelectorAll('input[type=password]').length, lang: html.lang, dir: html.dir };
      }
    }).observe(document, { attributes: true, childList: true, subtree: true });
  });
}

const firstShown = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __firstShown?: unknown }).__firstShown).then(() =>
    page.evaluate(() => {
      const w = window as unknown as { __firstShown: { text: string; passwordFields: number; lang: string; dir: string }; __hiddenWhilePending: boolean[] };
      return { ...w.__firstShown, hiddenWhilePending: w.__hiddenWhilePending };
    }),
  );

const ENGLISH = ['Sign in', 'Username', 'Password', 'Show password', 'Forgot your password?'];

for (const { locale, lang, dir, title, username, submit } of [
  { locale: 'de-DE', lang: 'de', dir: 'ltr', title: 'Anmelden', username: 'Benutzername', submit: 'Anmelden' },
  { locale: 'ar-EG', lang: 'ar', dir: 'rtl', title: 'تسجيل الدخول', username: 'اسم المستخدم', submit: 'تسجيل الدخول' },
  { locale: 'ja-JP', lang: 'ja', dir: 'ltr', title: 'サインイン', username: 'ユーザー名', submit: 'サインイン' },
]) {
  test.describe(`a ${lang} browser, the app's script held back`, () => {
    test.use({ locale });

    test(`the first screen is ${lang} (${dir}) from the start, never English; typing and "${submit}" before the app still sign in`, async ({ page, pool }) => {
      await pool.createUser(`early-${lang}`);
      await recordFirstShown(page);
      const { release, held } = await holdAppScript(page);
      await page.goto('/', { waitUntil: 'commit' });
      await held;
      const shown = await firstShown(page);
      expect(shown.hiddenWhilePending.every(Boolean)).toBe(true);
      expect({ lang: shown.lang, dir: shown.dir }).toEqual({ lang, dir });
      expect(shown.text).toContain(title);
      for (const english of ENGLISH) expect(shown.text).not.toContain(english);
      expect(await page.title()).toBe(title);
      await page.getByLabel(username).fill(`early-${lang}`);
      await page.locator('input[name=password]').fill(PASSWORD);
      await page.getByRole('button', { name: submit, exact: true }).click();
      release();
      await expect(page.getByTestId('signed-in-user')).toBeVisible();
    });
  });
}

test.describe('passwordless, the app\'s script held back', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, passwordless: true } });

  test('the first screen asks for the username alone: no password field, ever; "Continue" before the app goes on', async ({ page, pool, mail }) => {
    await pool.createUser('early-nopass', { email: 'early-nopass@example.com', emailVerified: true });
    await recordFirstShown(page);
    const calls = cognitoCalls(page);
    const { release, held } = await holdAppScript(page);
    await page.goto('/', { waitUntil: 'commit' });
    await held;
    const shown = await firstShown(page);
    expect(shown.passwordFields).toBe(0);
    expect(shown.text).toContain('Continue');
    await expect(page.locator('input[type=password]')).toHaveCount(0);
    await page.getByLabel('Username').fill('early-nopass');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Choice-based sign-in's first step starts before the app is there; the app takes it over.
    await expect.poll(() => calls).toEqual(['InitiateAuth']);
    release();
    await expect(page.getByRole('heading', { name: 'Choose how to sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Code by e-mail' }).click();
    await page.getByLabel('6-digit code').fill((await mail.latest('early-nopass')).code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    expect(calls.filter((c) => c === 'InitiateAuth')).toHaveLength(1);
  });
});

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('the first screen asks for the German catalogue and Amplify while the app\'s script is still on its way', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const { release, held } = await holdAppScript(page);
    await page.goto('/', { waitUntil: 'commit' });
    await held;
    await expect.poll(() => fetched.filter((p) => /^\/assets\/(de|early-sign-in)-[\w-]+\.js$/.test(p)).map((p) => p.split('-')[0]).sort()).toEqual(['/assets/de', '/assets/early']);
    // Only the chosen language.
    expect(fetched.filter((p) => /^\/assets\/(fr|ar|ja)-/.test(p))).toEqual([]);
    release();
    await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeFocused();
    await expect(page.locator('form[data-prerendered]')).toHaveCount(0);
  });
});

test('should /first-screen.js never come, the page shows anyway (English, after a moment) and the app signs in', async ({ page, pool }) => {
  await pool.createUser('no-first-screen');
  await page.route('**/first-screen.js', (route) => route.abort());
  const violations: string[] = [];
  page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill('no-first-screen');
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  expect(violations).toEqual([]);
});

test('config locale beats the browser: a German page for an English browser; ?lang= beats both', async ({ page, newPool, usePool }) => {
  await usePool(await newPool({ locale: 'de' }));
  await recordFirstShown(page);
  await page.goto('/', { waitUntil: 'commit' });
  expect((await firstShown(page)).lang).toBe('de');
  await page.goto('/?lang=fr', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});

test.describe('stamped by the deployment (scripts/stamp-first-screen.mjs)', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, passwordless: true } });

  test('the first screen needs no config.json: username first at once, while the config is still on its way', async ({ page, context }) => {
    let configServed = false;
    await context.route('**/config.json', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      configServed = true;
      await route.fallback();
    });
    // The page as the script writes it (the meta before /first-screen.js).
    await page.route(`${APP_ORIGIN}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<script src="/first-screen.js"', '<meta name="signin-first-screen" content="passwordless=true" />\n    <script src="/first-screen.js"');
      await route.fulfill({ response, body: html });
    });
    await recordFirstShown(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const amplify = page.waitForRequest(/\/assets\/early-sign-in-[\w-]+\.js$/);
    await page.goto('/', { waitUntil: 'commit' });
    const shown = await firstShown(page);
    expect(configServed).toBe(false);
    expect(shown.passwordFields).toBe(0);
    expect(shown.text).toContain('Continue');
    // Applied at once, it still fetches ahead.
    await amplify;
    expect(errors).toEqual([]);
  });
});
