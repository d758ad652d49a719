import { axe } from '../fixtures/axe';
import { APP_ORIGIN, expect, PASSWORD, RELYING_APP, RELYING_ORIGIN, signIn, test } from '../fixtures/emulator';

test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, cookieStorage: true } });

const loginUrl = (redirect: string, state?: string) => `/login?redirect_uri=${encodeURIComponent(redirect)}${state !== undefined ? `&state=${encodeURIComponent(state)}` : ''}`;

test('redirects to an allow-listed app after SMS MFA with state echoed, and that app sees the shared session', async ({ page, pool, sms }) => {
  await pool.createUser('hosted', { phone: '+12065550190', sms: true });
  await page.goto(loginUrl(RELYING_APP, 'opaque-state-42'));
  await signIn(page, 'hosted');
  await expect(page.getByText('We sent a code to +*******0190.')).toBeVisible();
  await page.getByLabel('6-digit code').fill((await sms.latest('hosted')).code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${RELYING_APP}?state=opaque-state-42`);
  // The relying app (another origin: another port) reads the session from the shared cookies.
  await expect(page.locator('#who')).toHaveText('Signed in as hosted');
  expect(page.url()).not.toMatch(/token|eyJ/i);
});

test('goes straight back when the user is already signed in', async ({ page, pool }) => {
  await pool.createUser('returning');
  await page.goto('/');
  await signIn(page, 'returning');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.goto(loginUrl(RELYING_APP, 's2'));
  await page.waitForURL(`${RELYING_APP}?state=s2`);
  await expect(page.locator('#who')).toHaveText('Signed in as returning');
});

test('shows account security on /login without a redirect when signed in', async ({ page, pool }) => {
  await pool.createUser('settled');
  await page.goto('/login');
  await signIn(page, 'settled');
  await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
});

const UNTRUSTED = 'an address this sign-in page does not trust';
const NOT_AN_ADDRESS = 'is not a valid web address';
/** Each refused redirect_uri with the words the page gives for it (never an internal code). */
const BAD_REDIRECTS: [string, string][] = [
  [`${RELYING_APP}extra`, UNTRUSTED],
  [`${RELYING_APP}?next=/admin`, UNTRUSTED],
  [RELYING_APP.replace('/relying-app/', '/relying-app'), UNTRUSTED],
  [RELYING_APP.replace('127.0.0.1', 'localhost'), UNTRUSTED],
  ['https://evil.example.com/', UNTRUSTED],
  ['javascript:alert(document.domain)', 'not a web page'],
  [`//evil.example.com${new URL(RELYING_APP).pathname}`, NOT_AN_ADDRESS],
  [RELYING_APP.replace('http://', 'http://user:pass@'), 'contains a user name or password'],
  [`http://127.0.0.1:${new URL(RELYING_APP).port}@evil.example.com/`, 'contains a user name or password'],
  [RELYING_APP.replace('/examples/', '/examples%2f'), 'disguised with encoded characters'],
  [`${RELYING_APP}#fragment`, NOT_AN_ADDRESS],
  ['', 'does not say where to take you'],
];

for (const [bad, why] of BAD_REDIRECTS) {
  test(`refuses redirect_uri ${JSON.stringify(bad)} and stays put`, async ({ page, pool }) => {
    await pool.createUser('cautious');
    await page.goto(loginUrl(bad, 'x'));
    await expect(page.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible();
    await expect(page.getByTestId('refusal-reason')).toContainText(why);
    await expect(page.getByLabel('Username')).toHaveCount(0);
    expect(new URL(page.url()).origin).toBe(APP_ORIGIN);
  });
}

test('logs out and returns to an allow-listed app', async ({ page, pool }) => {
  await pool.createUser('departing');
  await page.goto('/');
  await signIn(page, 'departing');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.goto(RELYING_APP);
  await expect(page.locator('#who')).toHaveText('Signed in as departing');
  await page.locator('#sign-out').click();
  await page.waitForURL(RELYING_APP);
  await expect(page.locator('#who')).toHaveText('Not signed in');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('/delete-account from the relying app: sign in, delete with the password, back to the app with its state; cancelling goes back too', async ({ page, pool, emulator }) => {
  for (const how of ['delete', 'cancel'] as const) {
    await pool.createUser(`quitter-${how}`);
    await page.goto('/');
    await signIn(page, `quitter-${how}`);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    await page.goto(RELYING_APP);
    // The relying app shows the link once it has found the session and written its URL.
    await expect(page.locator('#delete-account')).toBeVisible();
    const href = await page.locator('#delete-account').getAttribute('href');
    const state = new URL(href!).searchParams.get('state');
    await page.locator('#delete-account').click();
    await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible();
    if (how === 'cancel') {
      await page.getByRole('button', { name: 'Cancel' }).click();
    } else {
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Delete my account' }).click();
    }
    await page.waitForURL(`${RELYING_APP}?state=${state}`);
    await expect(page.locator('#who')).toHaveText(how === 'cancel' ? `Signed in as quitter-${how}` : 'Not signed in');
    expect(emulator.services.store.getUser(pool.poolId, `quitter-${how}`) !== undefined, how).toBe(how === 'cancel');
  }
});

test('/delete-account refuses a redirect_uri that is not allow-listed, before anything else', async ({ page }) => {
  await page.goto('/delete-account?redirect_uri=https%3A%2F%2Fevil.example%2F');
  await expect(page.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveCount(0);
});

test('signs in from the relying app link and comes back with the state', async ({ page, pool }) => {
  await pool.createUser('linked');
  await page.goto(RELYING_APP);
  await expect(page.locator('#who')).toHaveText('Not signed in');
  const href = await page.locator('#sign-in').getAttribute('href');
  const state = new URL(href!).searchParams.get('state');
  await page.locator('#sign-in').click();
  await signIn(page, 'linked');
  await page.waitForURL(`${RELYING_APP}?state=${state}`);
  await expect(page.locator('#who')).toHaveText('Signed in as linked');
});

test.describe('popup mode', () => {
  test('posts signed-in (no tokens) to an allow-listed opener', async ({ page, pool }) => {
    await pool.createUser('popper');
    await page.goto(RELYING_APP);
    const received = page.evaluate(
      () => new Promise<unknown>((resolve) => window.addEventListener('message', (e) => resolve({ data: e.data, origin: e.origin }))),
    );
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => void window.open(url, 'signin', 'width=480,height=640'), `${APP_ORIGIN}/login?mode=popup&origin=${encodeURIComponent(RELYING_ORIGIN)}`),
    ]);
    await signIn(popup, 'popper');
    expect(await received).toEqual({ data: { type: 'signed-in', username: 'popper' }, origin: APP_ORIGIN });
  });

  test('refuses an opener origin that is not allow-listed, and posts nothing', async ({ page, pool }) => {
    await pool.createUser('stranger');
    const otherOrigin = RELYING_ORIGIN.replace('127.0.0.1', 'localhost');
    await page.goto(`${otherOrigin}/examples/relying-app/`);
    await page.evaluate(() => {
      (window as unknown as { got: unknown[] }).got = [];
      window.addEventListener('message', (e) => (window as unknown as { got: unknown[] }).got.push(e.data));
    });
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => void window.open(url, 'signin'), `${APP_ORIGIN}/login?mode=popup&origin=${encodeURIComponent(otherOrigin)}`),
    ]);
    await expect(popup.getByRole('heading', { name: 'This sign-in link is not valid' })).toBeVisible();
    await expect(popup.getByLabel('Username')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
  });
});

test('iframe mode: an allow-listed parent page embeds the sign-in and hears who signed in', async ({ page, pool }) => {
  await pool.createUser('framed');
  await page.goto(RELYING_APP);
  const received = page.evaluate(() => new Promise<unknown>((resolve) => window.addEventListener('message', (e) => resolve(e.data))));
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Sign in';
    frame.width = '480';
    frame.height = '640';
    document.body.append(frame);
  }, `${APP_ORIGIN}/login?mode=popup&origin=${encodeURIComponent(RELYING_ORIGIN)}`);
  const frame = page.frameLocator('iframe[title="Sign in"]');
  await frame.getByLabel('Username').fill('framed');
  await frame.getByLabel('Password', { exact: true }).fill('Correct-Horse-9!');
  await frame.getByRole('button', { name: 'Sign in' }).click();
  expect(await received).toEqual({ type: 'signed-in', username: 'framed' });
});

test('the library components sign in and manage MFA inside a host app', async ({ page, pool, totpCode }) => {
  await pool.createUser('embedded');
  const secret = await pool.enrollTotp('embedded');
  await page.goto('/examples/host-app/');
  await expect(page.getByTestId('host-status')).toHaveText('Please sign in below.');
  await signIn(page, 'embedded');
  // After the first screen, a change of screen moves focus to its heading, as in the app.
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeFocused();
  await page.getByLabel('6-digit code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('host-status')).toHaveText('Welcome, embedded');
  await page.getByRole('button', { name: 'Security settings' }).click();
  await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
  await expect(page.getByTestId('totp-status')).toHaveText('On');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('button', { name: 'Security settings' })).toBeVisible();
});

test.describe('a host app drawing its own custom challenge (renderCustomChallenge)', () => {
  test.use({ poolOptions: { mfa: 'OPTIONAL', sms: true, totp: true, triggers: true, authFlow: 'customWithSrp' } });

  test("the host's UI gets the challenge's parameters and answers it; a wrong answer comes back marked", async ({ page, pool }) => {
    await pool.createUser('host-pet', { attributes: { 'custom:pet': 'Rex' } });
    await page.goto('/examples/host-app/');
    await signIn(page, 'host-pet');
    await expect(page.getByRole('heading', { name: 'One more step' })).toBeVisible();
    await expect(page.locator('.host-challenge')).toContainText('What was the name of your first pet?');
    // The built-in form is not drawn beside the host's.
    await expect(page.getByLabel('Your answer')).toHaveCount(0);
    await page.getByLabel('Answer for Acme').fill('Tom');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByText('Not accepted: try again.')).toBeVisible();
    await page.getByLabel('Answer for Acme').fill('Rex');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByTestId('host-status')).toHaveText('Welcome, host-pet');
  });
});

test('the library component takes its theme from custom properties', async ({ page }) => {
  await page.goto('/examples/host-app/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const primary = await page.locator('.signin-root').evaluate((el) => getComputedStyle(el).getPropertyValue('--signin-primary').trim());
  expect(primary).toBe('#6d28d9');
  const background = await page.getByRole('button', { name: 'Sign in' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(109, 40, 217)');
  // theme.width sets the component's width.
  expect(await page.locator('.signin-root').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(22 * 16);
});

test('embedded in a host page: a named region under the host <main>, no landmark clashes, focus left to the host until the user acts, ids of its own', async ({ page, pool }) => {
  await pool.createUser('guest');
  await page.goto('/examples/host-app/');
  const region = page.getByRole('region', { name: 'Sign in' });
  await expect(region).toBeVisible();
  await expect(page.locator('main')).toHaveCount(1); // the host's own
  await expect(region.getByRole('heading', { name: 'Sign in', level: 2 })).toBeVisible();
  // The first screen doesn't pull focus away from the host page.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  const results = await axe(page).withRules(['landmark-main-is-top-level', 'landmark-no-duplicate-main', 'landmark-unique', 'landmark-one-main', 'duplicate-id', 'heading-order']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  const username = page.getByLabel('Username');
  expect(await username.getAttribute('id')).not.toBe('username');
  await username.fill('guest');
  await page.getByLabel('Password', { exact: true }).fill('Wrong-Passw0rd!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect username or password.');
});

test.describe('the library component on a dark operating system', () => {
  test.use({ colorScheme: 'dark' });
  const surface = (page: import('@playwright/test').Page) => page.locator('.signin-root .card').evaluate((el) => getComputedStyle(el).backgroundColor);

  test('stays light on a light host page unless the host asks for dark or auto', async ({ page }) => {
    await page.goto('/examples/host-app/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await surface(page)).toBe('rgb(255, 255, 255)');
    await page.goto('/examples/host-app/?scheme=auto');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await surface(page)).toBe('rgb(28, 32, 38)');
    await page.goto('/examples/host-app/?scheme=dark');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await surface(page)).toBe('rgb(28, 32, 38)');
  });

  test('the standalone app follows the operating system, page and card', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await surface(page)).toBe('rgb(28, 32, 38)');
    expect(await page.locator('.signin-page').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(17, 20, 24)');
  });
});
