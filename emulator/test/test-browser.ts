/**
 * A browser's part in OAuth flows, for contract tests: it follows redirects, keeps cookies per host
 * and path, trusts the emulator's certificate authority, reads forms from pages and submits them.
 * It stops at the app's redirect URI (which nothing serves), as a browser would land there.
 */
import { createOutboundFetch } from '../services/outbound.js';

export interface Page {
  url: string;
  status: number;
  text: string;
  headers: Headers;
}

interface Cookie {
  host: string;
  path: string;
  name: string;
  value: string;
}

export interface Form {
  action: string;
  method: string;
  fields: Record<string, string>;
  /** The submit buttons' name=value pairs, by their value. */
  buttons: Record<string, [string, string]>;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

export class TestBrowser {
  private cookies: Cookie[] = [];
  private readonly fetch;

  constructor(ca: string) {
    this.fetch = createOutboundFetch(() => ca);
  }

  cookieNames(host: string): string[] {
    return this.cookies.filter((c) => c.host === host).map((c) => c.name);
  }

  private cookieHeader(url: URL): string | undefined {
    const list = this.cookies.filter((c) => c.host === url.hostname && url.pathname.startsWith(c.path));
    return list.length ? list.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  private keep(url: URL, headers: Headers): void {
    const raw = headers.get('set-cookie');
    if (!raw) return;
    for (const line of raw.split(/,(?=\s*[A-Za-z0-9_-]+=)/)) {
      const [pair, ...attrs] = line.split(';').map((p) => p.trim());
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const maxAge = attrs.find((a) => a.toLowerCase().startsWith('max-age='))?.slice(8);
      this.cookies = this.cookies.filter((c) => !(c.host === url.hostname && c.name === name && c.path === path));
      if (maxAge !== '0') this.cookies.push({ host: url.hostname, path, name, value });
    }
  }

  /** One request, no redirects followed. */
  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Page> {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const res = await this.fetch(url, { method: init.method ?? 'GET', headers: { ...init.headers, ...(cookie ? { cookie } : {}) }, ...(init.body !== undefined ? { body: init.body } : {}) });
    this.keep(target, res.headers);
    return { url, status: res.status, text: await res.text(), headers: res.headers };
  }

  /**
   * Follows redirects from `url` until a page is shown, or the next location is under `stopAt`
   * (the app's redirect URI): then that location is returned without being fetched.
   */
  async go(url: string, stopAt?: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Page | { landed: string }> {
    let next = url;
    let request = init;
    for (let i = 0; i < 15; i++) {
      if (stopAt && next.startsWith(stopAt)) return { landed: next };
      const page = await this.request(next, request);
      const location = page.headers.get('location');
      if (page.status < 300 || page.status >= 400 || !location) return page;
      next = new URL(location, next).toString();
      request = {};
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** The forms of a page, with their hidden and prefilled fields. */
  forms(page: Page): Form[] {
    return [...page.text.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, tag, inner]) => {
      const fields: Record<string, string> = {};
      for (const [input] of inner.matchAll(/<input\b[^>]*>/g)) {
        const name = attr(input, 'name');
        if (name) fields[name] = attr(input, 'value') ?? '';
      }
      const buttons: Record<string, [string, string]> = {};
      for (const [button] of inner.matchAll(/<button\b[^>]*>/g)) {
        const name = attr(button, 'name');
        const value = attr(button, 'value');
        if (name && value) buttons[value] = [name, value];
      }
      return { action: new URL(attr(tag, 'action') ?? page.url, page.url).toString(), method: (attr(tag, 'method') ?? 'get').toUpperCase(), fields, buttons };
    });
  }

  /** Submits a form with some fields filled and (optionally) a button pressed, following redirects. */
  async submit(form: Form, values: Record<string, string> = {}, button?: string, stopAt?: string): Promise<Page | { landed: string }> {
    const pressed = button ? form.buttons[button] : undefined;
    const body = new URLSearchParams({ ...form.fields, ...values, ...(pressed ? { [pressed[0]]: pressed[1] } : {}) });
    if (form.method === 'GET') return this.go(`${form.action}?${body.toString()}`, stopAt);
    return this.go(form.action, stopAt, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

export const landed = (r: Page | { landed: string }): URL => {
  if (!('landed' in r)) throw new Error(`expected a redirect to the app, got a page (${r.status}) at ${r.url}: ${r.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
  return new URL(r.landed);
};

export const shown = (r: Page | { landed: string }): Page => {
  if ('landed' in r) throw new Error(`expected a page, landed at ${r.landed}`);
  return r;
};
