import { expectNoAxeViolations } from '../fixtures/axe';
import { expect, test } from '../fixtures/emulator';
import { walkFederationScreens } from '../fixtures/screens';
import { expectFitsPhone } from '../fixtures/layout';
import { LOCALES } from '../../src/i18n';

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

test('Arabic reads right to left: the page is dir="rtl", the layout mirrors, Cognito errors are translated, and axe finds nothing', async ({ page, pool }) => {
  await pool.createUser('arabic');
  await page.goto('/?lang=ar');
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // Mirrored: the show/hide control sits at the field's inline end, which is the left in Arabic.
  const field = await page.getByLabel('كلمة المرور', { exact: true }).boundingBox();
  const toggle = await page.getByRole('button', { name: 'إظهار كلمة المرور' }).boundingBox();
  expect(Math.abs(toggle!.x - field!.x)).toBeLessThan(2);
  expect(toggle!.x + toggle!.width).toBeLessThan(field!.x + field!.width / 2);
  await expectNoAxeViolations(page, 'the Arabic sign-in');
  await page.getByLabel('اسم المستخدم').fill('arabic');
  await page.getByLabel('كلمة المرور', { exact: true }).fill('Wrong-Passw0rd!');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('alert')).toHaveText('اسم المستخدم أو كلمة المرور غير صحيحة.');
});

test('Hebrew, the second right-to-left language: dir="rtl", mirrored, Cognito errors translated, axe finds nothing', async ({ page, pool }) => {
  await pool.createUser('hebrew');
  await page.goto('/?lang=he');
  await expect(page.getByRole('heading', { name: 'כניסה' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');
  const field = await page.locator('input[name=password]').boundingBox();
  const toggle = await page.locator('.password-row button').boundingBox();
  expect(toggle!.x + toggle!.width).toBeLessThan(field!.x + field!.width / 2);
  await expectNoAxeViolations(page, 'the Hebrew sign-in');
  await page.locator('input[name=username]').fill('hebrew');
  await page.locator('input[name=password]').fill('Wrong-Passw0rd!');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toHaveText('שם המשתמש או הסיסמה שגויים.');
});

for (const [lang, signIn, wrong] of [
  ['fr', 'Connexion', "Nom d'utilisateur ou mot de passe incorrect."],
  ['es', 'Iniciar sesión', 'Nombre de usuario o contraseña incorrectos.'],
  ['it', 'Accedi', 'Nome utente o password non corretti.'],
  ['pt', 'Entrar', 'Nome de usuário ou senha incorretos.'],
  ['nl', 'Aanmelden', 'Onjuiste gebruikersnaam of wachtwoord.'],
  ['pl', 'Zaloguj się', 'Nieprawidłowa nazwa użytkownika lub hasło.'],
  ['sv', 'Logga in', 'Fel användarnamn eller lösenord.'],
  ['ja', 'サインイン', 'ユーザー名またはパスワードが正しくありません。'],
  ['zh', '登录', '用户名或密码不正确。'],
  ['ko', '로그인', '사용자 이름 또는 비밀번호가 올바르지 않습니다.'],
  ['th', 'ลงชื่อเข้าใช้', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง'],
  ['ru', 'Вход', 'Неверное имя пользователя или пароль.'],
  ['uk', 'Вхід', 'Неправильне ім’я користувача або пароль.'],
  ['tr', 'Oturum açın', 'Kullanıcı adı veya şifre yanlış.'],
  ['hu', 'Bejelentkezés', 'Helytelen felhasználónév vagy jelszó.'],
  ['id', 'Masuk', 'Nama pengguna atau kata sandi salah.'],
  ['nb', 'Logg på', 'Feil brukernavn eller passord.'],
] as const) {
  test(`renders ${lang}, with Cognito's errors translated`, async ({ page, pool }) => {
    await pool.createUser(`lang-${lang}`);
    await page.goto(`/?lang=${lang}`);
    await expect(page.getByRole('heading', { name: signIn, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await page.locator('input[autocomplete="username"]').fill(`lang-${lang}`);
    await page.locator('input[autocomplete="current-password"]').fill('Wrong-Passw0rd!');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('alert')).toHaveText(wrong);
  });
}

/**
 * The federated sign-in's screens in every language, on a 320 px phone: axe finds nothing, they fit,
 * and none of them shows the English of the new messages (a missing translation falls back to English).
 * Walks of six languages each, so that the workers share them.
 */
const ENGLISH = ['Continue with Google', 'Other ways to sign in', 'did not work', 'Try again', 'Signed in with Google', 'You sign in with Google', 'Taking you to', 'Choose another way', 'Accounts at', 'Delete my account', 'stays as it is'];
const WALK_SIZE = 6;
for (const langs of Array.from({ length: Math.ceil(LOCALES.length / WALK_SIZE) }, (_, i) => LOCALES.slice(i * WALK_SIZE, (i + 1) * WALK_SIZE))) {
  test(`federated sign-in's screens in ${langs.join(', ')}, 320 px wide: axe, the layout, and no English left`, async ({ page, newPool, usePool, nextIdentity }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 720 });
    await walkFederationScreens(
      page,
      { newPool, usePool, nextIdentity },
      async (screen, lang = 'en') => {
        await expectNoAxeViolations(page, `${lang}: ${screen}`);
        await expectFitsPhone(page, `${lang}: ${screen}`);
        if (lang === 'en' || screen.includes('identity provider')) return;
        const text = await page.locator('body').innerText();
        for (const english of ENGLISH) expect(text, `${lang}: ${screen}`).not.toContain(english);
      },
      langs,
    );
  });
}
