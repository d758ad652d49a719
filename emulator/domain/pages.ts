/** The domain's own pages: Cognito's error page and the managed sign-in page. */
import type { ServerResponse } from 'node:http';
import { html, sendPage } from '../http.js';
import type { DomainContext } from './context.js';

/** "An error was encountered with the requested page." with the reason under it, as Cognito shows it. */
export function sendErrorPage(res: ServerResponse, status: number, detail: string, headers: Record<string, string | string[]> = {}): void {
  sendPage(res, status, {
    title: 'Error',
    headers,
    body: html`<h1>An error was encountered with the requested page.</h1><p class="error" role="alert">${detail}</p>`,
  });
}

/** Why Cognito's /error page was shown (the `error` parameter it gets). */
export const ERROR_TEXT: Record<string, string> = {
  redirect_mismatch: 'redirect_mismatch: the redirect_uri is not one of the app client\u2019s callback URLs.',
  invalid_client: 'The client_id is not an app client of this user pool.',
  invalid_request: 'Missing required parameter client_id in request URL',
  invalid_state: 'Invalid state: the sign-in took too long or was already completed. Start it again from the app.',
};

export function sendErrorRedirect(res: ServerResponse, ctx: DomainContext, error: string, clientId?: string | null): void {
  const q = new URLSearchParams({ error, ...(clientId ? { client_id: clientId } : {}) });
  res.writeHead(302, { Location: `${ctx.url}/error?${q.toString()}`, 'Cache-Control': 'no-store' });
  res.end();
}
