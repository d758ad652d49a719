/** The test identity provider's sign-in page: a person types who they are, or cancels. */
import type { ServerResponse } from 'node:http';
import { html, sendPage } from '../http.js';
import { FLAVOUR_LABEL, type Flavour } from './identity.js';

export interface PageOptions {
  flavour: Flavour;
  /** Where the form posts (this endpoint). */
  action: string;
  /** The authorization request, carried through the form. */
  hidden: Record<string, string>;
  email?: string;
  name?: string;
  error?: string;
}

export function sendIdentityPage(res: ServerResponse, o: PageOptions, status = 200): void {
  const label = FLAVOUR_LABEL[o.flavour];
  const hidden = Object.entries(o.hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  sendPage(res, status, {
    title: `Sign in with ${label} (test identity provider)`,
    body: html`<h1>Sign in with ${label}</h1>
<p class="note">This is the Cognito emulator's test identity provider, standing in for ${label}. Type the identity to sign in as.</p>
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
<form method="post" action="${o.action}">
${hidden}
<label for="email">E-mail address</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${o.email ?? ''}">
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="name" value="${o.name ?? ''}">
<div class="actions"><button class="primary" type="submit" name="action" value="continue">Continue</button><button class="secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button></div>
</form>`,
  });
}
