/**
 * The first screen before the app's JavaScript arrives (served as /first-screen.js, a deferred
 * script in <head>: a file, as the Content-Security-Policy allows no inline script). It is fetched
 * while the page is parsed and runs once the whole page is there. The page's prerendered form
 * (src/prerender.tsx) is English and in password mode, and hidden (html[data-first-screen=pending],
 * styles/page.css, with a fallback that shows it anyway after a moment); this puts it in the
 * language the app will choose (?lang=, the config's locale, the browser's languages: the same
 * rules, src/i18n/locale-choice.ts) and in the configured mode (username first with
 * `passwordless`), then shows it. Then it lets a press of "Sign in" be noted, so the app signs in as
 * soon as it takes over (react/takeover.ts).
 */
import { directionOf, type Locale, pickLocale } from '../i18n/locale-choice';

/**
 * What the build puts at the end of the page, as a JSON data block: the strings the first screen
 * shows, per language (English is in the page), and the chunks the app will fetch only once it has
 * started. In the page, not in this script: the page arrives alone, while this script shares the
 * link with the app's own scripts, so the smaller it is the sooner it runs.
 */
interface FirstScreenData {
  strings?: Partial<Record<Locale, Record<string, string>>>;
  preload?: { auth?: string[]; locales?: Partial<Record<Locale, string[]>>; later?: string[] };
  /** The chunk that signs in before the app has arrived (src/machine/early-sign-in.ts). */
  signIn?: string;
}

function firstScreenData(): FirstScreenData {
  try {
    return JSON.parse(document.getElementById('first-screen-data')?.textContent ?? '{}') as FirstScreenData;
  } catch {
    return {};
  }
}
const data = firstScreenData();
/** The chunks asked for so far (before settle() below: a stamped page applies at once). */
const preloaded = new Set<string>();

interface EarlyConfig {
  locale?: unknown;
  passwordless?: unknown;
}

const html = document.documentElement;

// The app reads this same response (the server sends config.json no-store: a second fetch would be
// a second round trip), through window.__signinConfig (src/config.ts).
const response = fetch('/config.json');
(window as Window & { __signinConfig?: Promise<Response> }).__signinConfig = response;

let config: EarlyConfig | undefined;
let applied = false;
// A config that takes too long: the browser's language, the password form.
const fallback = setTimeout(() => settle({}), 1500);
const settle = (value: EarlyConfig) => {
  config ??= value;
  apply();
};

/**
 * What the deployment wrote into the page from config.json (scripts/stamp-first-screen.mjs): then
 * the first screen needn't wait for config.json at all.
 */
function stamped(): EarlyConfig | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="signin-first-screen"]');
  if (!meta) return undefined;
  const params = new URLSearchParams(meta.content);
  return { locale: params.get('locale') ?? undefined, passwordless: params.get('passwordless') === 'true' };
}
const fromPage = stamped();

response
  .then((r) => (r.ok ? (r.clone().json() as Promise<EarlyConfig>) : {}))
  .then(
    (c) => {
      const given: EarlyConfig = typeof c === 'object' && c !== null ? c : {};
      if (fromPage && ((given.locale ?? undefined) !== fromPage.locale || (given.passwordless === true) !== fromPage.passwordless)) {
        console.warn('index.html\'s first-screen settings differ from config.json: run scripts/stamp-first-screen.mjs again.');
      }
      settle(given);
    },
    () => settle({}),
  );
if (fromPage) settle(fromPage);

function apply(): void {
  // Deferred, so the page is parsed: only the config may still be awaited.
  if (applied || config === undefined) return;
  applied = true;
  clearTimeout(fallback);
  try {
    const locale = pickLocale({
      query: new URLSearchParams(window.location.search).get('lang'),
      configured: typeof config.locale === 'string' ? config.locale : undefined,
      browser: navigator.languages,
    });
    if (config.passwordless === true) useUsernameFirst();
    translate(locale);
    noteEarlySubmit();
    fetchAhead(locale);
  } finally {
    html.removeAttribute('data-first-screen');
  }
}

/**
 * What the app would otherwise ask for only after it has started: the chosen language's catalogue
 * (it renders in it) and Amplify (every sign-in needs it). Fetched now, a user who signs in at once —
 * a password manager's autofill — doesn't wait for them one after the other once the app is there.
 */
function fetchAhead(locale: Locale): void {
  preload([...(data.preload?.locales?.[locale] ?? []), ...(data.preload?.auth ?? [])]);
}

function preload(hrefs: string[]): void {
  // The build leaves out what the page links already; the lists may share a chunk.
  for (const href of hrefs) {
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    // As the app's own module scripts are fetched, so the preloaded response is the one they use.
    link.crossOrigin = 'anonymous';
    document.head.append(link);
  }
}

/** Choice-based sign-in: the username-first screen (a <template> in the page) instead of the password form. */
function useUsernameFirst(): void {
  const template = document.getElementById('first-screen-username-first');
  const current = document.querySelector('.signin-root > main');
  if (!(template instanceof HTMLTemplateElement) || !current) return;
  current.replaceWith(template.content.cloneNode(true));
}

function translate(locale: Locale): void {
  const strings = data.strings?.[locale];
  if (strings) {
    document.querySelectorAll<HTMLElement>('[data-t]').forEach((el) => {
      const text = strings[el.dataset.t ?? ''];
      if (text) el.textContent = text;
    });
    document.querySelectorAll<HTMLElement>('[data-t-attrs]').forEach((el) => {
      for (const pair of (el.dataset.tAttrs ?? '').split(' ')) {
        const [attribute, key] = pair.split('=');
        const text = key && strings[key];
        if (attribute && text) el.setAttribute(attribute, text);
      }
    });
    if (strings['signIn.title']) document.title = strings['signIn.title'];
  }
  html.lang = locale;
  html.dir = directionOf(locale);
  const root = document.querySelector<HTMLElement>('.signin-root');
  if (root) {
    root.lang = locale;
    root.dir = directionOf(locale);
  }
}

/**
 * The prerendered form can be filled in but not submitted (its button is type="button", so the
 * browser can't send the password in a URL): a press of its button, or Enter in a field, is noted
 * for the app to act on when it takes over.
 */
function noteEarlySubmit(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-prerendered]');
  if (!form) return;
  const submit = form.querySelector<HTMLButtonElement>('[data-submit]');
  // Disabled in the HTML, so that nobody presses a button that can't do anything yet.
  if (submit) submit.disabled = false;
  const queue = () => {
    form.setAttribute('data-pending', 'submit');
    signInEarly(form);
    if (submit) {
      submit.setAttribute('aria-busy', 'true');
      submit.textContent = submit.getAttribute('data-waiting') || submit.textContent;
    }
  };
  form.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-submit]')) queue();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      queue();
    }
  });
}

/**
 * A press before the app has arrived (a password manager's autofill submits at once): the sign-in
 * starts now, with Amplify alone (fetched ahead), and the app takes it over when it arrives. The
 * values go to that module in memory, nowhere else.
 */
function signInEarly(form: HTMLFormElement): void {
  if (!data.signIn) return;
  const value = (name: string) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement ? field.value : undefined;
  };
  const username = value('username') ?? '';
  const password = value('password');
  // The screens after it (signed in, a code) would otherwise be fetched only once the app has come,
  // and the answer can be here before them.
  preload(data.preload?.later ?? []);
  import(/* @vite-ignore */ data.signIn)
    .then((m: { startEarlySignIn?: (values: { username: string; password?: string | undefined }) => boolean }) => {
      // As in a form being sent: what was pressed is what signs in.
      if (m.startEarlySignIn?.({ username, password })) form.querySelectorAll('input').forEach((field) => (field.readOnly = true));
    })
    // Offline, or a chunk from another deployment: the app signs in when it takes over, as before.
    .catch(() => undefined);
}
