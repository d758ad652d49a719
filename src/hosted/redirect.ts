/**
 * Open-redirect defence for the hosted sign-in page. A redirect_uri is accepted only when it is,
 * character for character, an entry of the configured allow-list; the structural checks below run
 * first so that a careless allow-list entry still can't smuggle in a script URL or credentials.
 */

export type RedirectCheck = { ok: true; uri: string } | { ok: false; reason: RedirectRefusal };

export type RedirectRefusal = 'missing' | 'malformed' | 'scheme' | 'credentials' | 'encoded' | 'notAllowed';

export function checkRedirect(raw: string | null, allowList: readonly string[]): RedirectCheck {
  if (!raw) return { ok: false, reason: 'missing' };
  // Protocol-relative (//host), backslashes (browsers read \\ as /) and control characters.
  if (/^[\\/]{2}/.test(raw) || raw.includes('\\') || /[\u0000-\u001f\u007f\s]/.test(raw)) return { ok: false, reason: 'malformed' };
  // Percent-encoded slashes, backslashes, dots and @ hide path or authority tricks from the reader.
  if (/%(2f|5c|2e|40|00)/i.test(raw)) return { ok: false, reason: 'encoded' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password || raw.slice(0, raw.indexOf(url.host) + 1).includes('@')) return { ok: false, reason: 'credentials' };
  if (url.hash) return { ok: false, reason: 'malformed' };
  if (!allowList.includes(raw)) return { ok: false, reason: 'notAllowed' };
  return { ok: true, uri: raw };
}

/** A postMessage target origin: must be exactly an allow-listed origin (scheme://host[:port]). */
export function checkOrigin(raw: string | null, allowList: readonly string[]): string | undefined {
  if (!raw || !allowList.includes(raw)) return undefined;
  try {
    return new URL(raw).origin === raw ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** The redirect URL with `state` echoed back; tokens never travel in it. */
export function withState(uri: string, state: string | undefined): string {
  if (state === undefined) return uri;
  const url = new URL(uri);
  url.searchParams.set('state', state);
  return url.toString();
}
