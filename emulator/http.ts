/** What the emulator's HTTP endpoints share: bodies, JSON, HTML pages, redirects and cookies. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends CognitoError {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError('RequestEntityTooLargeException', 'Request body is larger than 1 MiB.', 413));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError('RequestEntityTooLargeException', 'Request body is larger than 1 MiB.', 413));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A form-encoded body (the OAuth endpoints, the sign-in pages); anything else reads as empty. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const text = await readBody(req);
  const type = String(req.headers['content-type'] ?? '');
  return /^application\/x-www-form-urlencoded\b/i.test(type) ? new URLSearchParams(text) : new URLSearchParams();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID(), 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A tagged template whose interpolations are escaped unless they are Html already. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | Html[] | undefined | false)[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    const piece = value === undefined || value === false ? '' : Array.isArray(value) ? value.map(String).join('') : value instanceof Html ? value.text : escapeHtml(String(value));
    out += piece + strings[i + 1];
  });
  return new Html(out);
}

/**
 * A page of the emulator's own (sign-in, error, the test identity provider): no inline script or
 * style, never framed (Cognito's pages refuse framing too). No form-action: Chromium applies it to
 * the redirects after a submission, and these forms end at the app's redirect URI.
 */
export function sendPage(res: ServerResponse, status: number, page: { title: string; body: Html; scripts?: string[]; headers?: Record<string, string | string[]> }): void {
  const scripts = (page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  const text = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title><link rel="stylesheet" href="/_emulator/page.css">${scripts.join('')}</head><body><main>${page.body.text}</main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...page.headers,
  });
  res.end(text);
}

/** The stylesheet of those pages: plain and readable, in light and dark. */
export const PAGE_CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
*{box-sizing:border-box}
body{margin:0;display:grid;place-items:start center;min-height:100vh;background:Canvas;color:CanvasText}
main{width:min(26rem,calc(100vw - 2rem));margin:3rem 1rem;padding:1.5rem;border:1px solid #8886;border-radius:.5rem;overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:0 0 1rem}p{margin:.5rem 0 1rem}.note{font-size:.9rem;opacity:.8}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}input{width:100%;min-height:44px;font:inherit;padding:.6rem;border:1px solid #888;border-radius:.35rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1.25rem}button,a.button{font:inherit;min-height:44px;padding:.5rem 1rem;border-radius:.35rem;border:1px solid #1d4ed8;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center}
button.primary{background:#1d4ed8;color:#fff}button.secondary,a.button{background:transparent;color:inherit}
.error{color:#b91c1c;font-weight:600}@media (prefers-color-scheme:dark){.error{color:#f87171}}
ul.providers{list-style:none;padding:0}ul.providers li{margin:.5rem 0}`;

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const raw = part.slice(i + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // Not percent-encoded by us (another app's cookie on this host): kept as it is.
    }
    cookies.set(part.slice(0, i).trim(), value);
  }
  return cookies;
}

/** A Secure, HttpOnly cookie for a path (SameSite=Lax unless said); `maxAge` 0 clears it. */
export const cookie = (name: string, value: string, options: { path: string; maxAge: number; sameSite?: 'Lax' | 'None' }) =>
  `${name}=${encodeURIComponent(value)}; Path=${options.path}; Max-Age=${options.maxAge}; Secure; HttpOnly; SameSite=${options.sameSite ?? 'Lax'}`;
