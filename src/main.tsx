import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { loadLocale, pickLocale } from './i18n';
import { configureAmplify } from './machine/amplify-auth';
import './styles/app.css';
import './styles/page.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then(async (config) => {
    configureAmplify(config);
    const locale = pickLocale({ query: new URLSearchParams(window.location.search).get('lang'), configured: config.locale, browser: navigator.languages });
    await loadLocale(locale).catch(() => {});
    root.render(
      <StrictMode>
        <App config={config} locale={locale} />
      </StrictMode>,
    );
  })
  .catch((e: unknown) => {
    root.render(
      <main className="card">
        <h1>This sign-in page is not configured.</h1>
        <p role="alert">{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    );
  });
