/**
 * The sign-in page as HTML, rendered at build time into index.html (vite.config.ts) so the form is
 * there, styled, labelled and typeable before any script runs. The app takes it over when it starts
 * (main.tsx, react/takeover.ts). English, the built-in language: another one replaces it on takeover.
 */
import { renderToString } from 'react-dom/server';
import { I18nContext, translator } from './i18n';
import { SignInForm } from './screens/SignIn';

export function renderSignInPage(): string {
  return renderToString(
    <I18nContext.Provider value={translator('en')}>
      <div className="signin-page" data-color-scheme="auto">
        <div className="app signin-root">
          {/* The app name comes with /config.json; the header keeps its height meanwhile. */}
          <header className="brand" />
          <SignInForm pending={false} defaults={{ username: '', password: '' }} prerendered />
        </div>
      </div>
    </I18nContext.Provider>,
  );
}
