/** What a page load takes from the tab's storage after a round trip through the pool domain. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const OAUTH = { redirectSignIn: ['https://signin.example.com/'], redirectSignOut: ['https://signin.example.com/signed-out'] };

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** A fresh module (its once-per-page-load cache) over the same tab storage, as a new page load. */
const load = () => import('./round-trip');

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('sessionStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

const ticket = { label: 'Google', provider: 'Google', locale: 'de', startedAt: Date.now() };

describe('the ticket of a federated sign-in', () => {
  it('is taken back at the sign-in redirect URL, with what the URL says', async () => {
    (await load()).saveTicket(ticket);
    const page = await load();
    const trip = page.takeRoundTrip(OAUTH, 'https://signin.example.com/?code=abc&state=xyz');
    expect(trip.federation).toEqual({ ticket, resume: { outcome: 'code' } });
    expect(page.roundTripLocale(trip)).toBe('de');
  });

  it('is left alone on any other page of the app (another path, another origin), for the real return', async () => {
    (await load()).saveTicket(ticket);
    for (const href of ['https://signin.example.com/account?code=abc&state=xyz', 'https://evil.example/?code=abc&state=xyz']) {
      vi.resetModules();
      expect((await load()).takeRoundTrip(OAUTH, href).federation, href).toBeUndefined();
    }
    vi.resetModules();
    expect((await load()).takeRoundTrip(OAUTH, 'https://signin.example.com?error=access_denied').federation?.resume).toMatchObject({ outcome: 'error', error: 'access_denied' });
  });

  it('is used once: read again in the same page load it is the same; after roundTripUsed, nothing', async () => {
    (await load()).saveTicket(ticket);
    const page = await load();
    const first = page.takeRoundTrip(OAUTH, 'https://signin.example.com/?code=abc&state=xyz');
    expect(page.takeRoundTrip(OAUTH, 'https://signin.example.com/?code=abc&state=xyz')).toBe(first);
    page.roundTripUsed();
    expect(page.takeRoundTrip(OAUTH, 'https://signin.example.com/?code=abc&state=xyz')).toEqual({});
  });

  it('keeps the e-mail typed before single sign-on, for "try again"', async () => {
    (await load()).saveTicket({ label: 'Acme SSO', idpIdentifier: 'acme.example', loginHint: 'ann@acme.example', startedAt: Date.now() });
    const page = await load();
    expect(page.returningInput(page.takeRoundTrip(OAUTH, 'https://signin.example.com/?error=server_error')).returning?.target).toEqual({ label: 'Acme SSO', idpIdentifier: 'acme.example', loginHint: 'ann@acme.example' });
  });

  it('goes stale after ten minutes', async () => {
    (await load()).saveTicket({ ...ticket, startedAt: Date.now() - 11 * 60_000 });
    expect((await load()).takeRoundTrip(OAUTH, 'https://signin.example.com/?code=abc&state=xyz').federation).toBeUndefined();
  });
});

describe('the sign-out marker', () => {
  it('is taken back at the sign-out redirect URL only, and not when stale', async () => {
    (await load()).saveSignOut({ kind: 'redirect', uri: 'https://app.example/bye' }, 'fr');
    expect((await load()).takeRoundTrip(OAUTH, 'https://signin.example.com/').signedOut).toBeUndefined();
    vi.resetModules();
    expect((await load()).takeRoundTrip(OAUTH, 'https://signin.example.com/signed-out').signedOut).toEqual({ returnTo: { kind: 'redirect', uri: 'https://app.example/bye' }, locale: 'fr' });
    const now = Date.now();
    (await load()).saveSignOut(undefined, 'en');
    expect((await load()).takeSignOut(now + 11 * 60_000)).toBeUndefined();
  });
});
