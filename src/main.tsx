import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { loadLocale, pickLocale } from './i18n';
import { createLazyAuthApi } from './machine/lazy-auth-api';
import { readPrerendered, restoreFocus, TakeoverContext } from './react/takeover';
import { roundTripLocale, takeRoundTrip } from './hosted/round-trip';
import './styles/app.css';
import './styles/page.css';

const container = document.getElementById('root')!;
const root = createRoot(container);

// index.html links /config.json as a preload, so it arrives alongside this script.
loadConfig()
  .then(async (config) => {
    // Amplify loads after the first render, when the machine first needs it.
    // The chunk the first screen may have loaded already, to sign in before the app had arrived.
    const api = createLazyAuthApi(() => import('./machine/early-sign-in').then((m) => m.appAuthApi(config)));
    // Back from the pool domain (a provider's sign-in, or its /logout): what this tab kept for the way back.
    const roundTrip = config.oauth?.handleReturn ? takeRoundTrip(config.oauth) : {};
    const locale = pickLocale({ query: new URLSearchParams(window.location.search).get('lang') ?? roundTripLocale(roundTrip), configured: config.locale, browser: navigator.languages });
    // The first screen's English is built in; another language is fetched first (one small chunk).
    if (locale !== 'en') await loadLocale(locale).catch(() => {});
    // Read what was typed into the prerendered form and render in the same task, so no keystroke
    // falls between the two; then the caret goes back where it was.
    const takeover = readPrerendered(container);
    // The first screen's script may not have shown the page yet (it waits for the same config):
    // the app renders it now, in the same task, so nothing unfinished is painted and focus can land.
    document.documentElement.removeAttribute('data-first-screen');
    flushSync(() =>
      root.render(
        <StrictMode>
          <TakeoverContext.Provider value={takeover}>
            <App config={config} locale={locale} api={api} roundTrip={roundTrip} />
          </TakeoverContext.Provider>
        </StrictMode>,
      ),
    );
    if (takeover) restoreFocus(container, takeover);
  })
  .catch((e: unknown) => {
    root.render(
      <main className="card">
        <h1>This sign-in page is not configured.</h1>
        <p role="alert">{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    );
  });
