/**
 * https://localhost:<tls port>/: what a person sees who opens the emulator's HTTPS side to accept its
 * certificate (the demo's one documented step): where the pool domains and the test IdP are.
 */
import type { ServerResponse } from 'node:http';
import type { Services } from '../context.js';
import { html, sendPage } from '../http.js';

export function sendTlsHome(res: ServerResponse, svc: Services): void {
  const base = svc.oauthBase() ?? '';
  const domains = svc.store.listPools().flatMap((pool) => {
    const domain = svc.store.domainOf(pool.id);
    return domain ? [html`<li><code>${base}/${domain.domain}</code> (pool ${pool.name}, ${pool.id})</li>`] : [];
  });
  sendPage(res, 200, {
    title: 'Cognito emulator (HTTPS)',
    body: html`<h1>Cognito emulator</h1>
<p>This browser now reaches the emulator over HTTPS: federated sign-in in your app can go through here. Go back to the app.</p>
<p class="note">Pool domains serve Cognito's OAuth endpoints under their name; the test identity provider is at <code>${base}/_idp/</code>.</p>
${domains.length ? html`<ul>${domains}</ul>` : html`<p class="note">No pool has a domain yet (CreateUserPoolDomain).</p>`}`,
  });
}
