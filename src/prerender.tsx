/**
 * The sign-in page as HTML, rendered at build time into index.html (vite.config.ts) so the form is
 * there, styled, labelled and typeable before any script runs. The app takes it over when it starts
 * (main.tsx, react/takeover.ts). English, and the password form; every message carries its key
 * (data-t, data-t-attrs) and the username-first form waits in a <template>, so that
 * /first-screen.js (src/first-screen/runtime.ts) puts the page in the user's language and the
 * configured mode before it is shown.
 */
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nContext, type MessageKey, type Translate, translator } from './i18n';
import { SignInForm, UsernameFirstForm } from './screens/SignIn';

/** Messages as markers while rendering: \u0001<n>\u0002, n indexing the keys met. */
function markingTranslator(keys: MessageKey[]): Translate {
  return (key, params) => {
    if (params && Object.keys(params).length) throw new Error(`prerender: "${key}" has parameters; the first screen can't translate it`);
    keys.push(key);
    return `\u0001${keys.length - 1}\u0002`;
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The markers as English, each with its key: text in <span data-t>, attributes listed in data-t-attrs. */
function withKeys(html: string, keys: MessageKey[]): string {
  const english = translator('en');
  const text = (i: string) => escapeHtml(english(keys[Number(i)]!));
  return html
    .replace(/<([a-zA-Z][\w-]*)([^<>]*\u0001\d+\u0002[^<>]*)>/g, (_tag, name: string, attributes: string) => {
      const pairs: string[] = [];
      const rewritten = attributes.replace(/([\w-]+)="\u0001(\d+)\u0002"/g, (_m, attribute: string, i: string) => {
        pairs.push(`${attribute}=${keys[Number(i)]}`);
        return `${attribute}="${text(i)}"`;
      });
      return `<${name}${rewritten} data-t-attrs="${pairs.join(' ')}">`;
    })
    .replace(/\u0001(\d+)\u0002/g, (_m, i: string) => `<span data-t="${keys[Number(i)]}">${text(i)}</span>`);
}

function render(element: ReactElement, keys: MessageKey[]): string {
  const html = renderToString(<I18nContext.Provider value={markingTranslator(keys)}>{element}</I18nContext.Provider>);
  if (/[\u0001\u0002]/.test(withKeys(html, keys))) throw new Error('prerender: a message the first screen could not key');
  return withKeys(html, keys);
}

/** The page, and the keys of the messages it shows (the first screen's strings, in every language). */
export function renderSignInPage(): { html: string; keys: MessageKey[] } {
  const keys: MessageKey[] = ['signIn.title'];
  const page = render(
    <div className="signin-page" data-color-scheme="auto">
      <div className="app signin-root">
        {/* The app name comes with /config.json; the header keeps its height meanwhile. */}
        <header className="brand" />
        <SignInForm pending={false} defaults={{ username: '', password: '' }} prerendered />
      </div>
    </div>,
    keys,
  );
  const usernameFirst = render(<UsernameFirstForm pending={false} defaultUsername="" onContinue={() => {}} prerendered />, keys);
  return {
    html: `${page}<template id="first-screen-username-first">${usernameFirst}</template>`,
    keys: [...new Set(keys)],
  };
}
