/**
 * What survives a round trip through the pool domain. Federated sign-in and sign-out leave this page
 * (for the identity provider, or the domain's /logout) and come back to a fixed redirect URL: where
 * the hosted sign-in was to hand the user back, and which flow it was, are kept in this tab's
 * sessionStorage (an attacker can't write it; nothing travels in the URL), and checked against the
 * allow-lists again on the way back.
 */
import type { ReturnTarget } from '../machine/auth-machine';
import type { FederationTarget } from '../machine/federation';

export interface FederationTicket {
  /** The provider's label, for the screens of the return ("Signing you in with Google…"). */
  label: string;
  provider?: string;
  idpIdentifier?: string;
  /** The e-mail typed before single sign-on: "try again" after the return passes it on again. */
  loginHint?: string;
  returnTo?: ReturnTarget;
  initialFlow?: 'signUp' | 'recovery';
  /** The page's language: the way back (a fixed redirect URL) has no ?lang= of its own. */
  locale?: string;
  startedAt: number;
}

/** How the provider's return ended, as its URL says: a code for Amplify to exchange, an error, or nothing (the person came back another way). */
export type ProviderReturn = { outcome: 'code' } | { outcome: 'error'; error: string; description: string } | { outcome: 'none' };

const TICKET = 'signin.federation';
const SIGNED_OUT = 'signin.signedOut';
/** Cognito gives up on a sign-in at the provider after five minutes; the ticket lasts twice that. */
const TICKET_MS = 10 * 60_000;

function write(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage unavailable (private mode): the round trip then ends on the plain sign-in page.
  }
}

function take<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export const saveTicket = (ticket: FederationTicket) => write(TICKET, ticket);

/** The ticket of a federated sign-in this tab started (used once), unless it is stale. */
export function takeTicket(now = Date.now()): FederationTicket | undefined {
  const ticket = take<FederationTicket>(TICKET);
  return ticket && typeof ticket.label === 'string' && now - ticket.startedAt < TICKET_MS ? ticket : undefined;
}

export const dropTicket = () => void take(TICKET);

export function readProviderReturn(search: string): ProviderReturn {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) return { outcome: 'error', error, description: query.get('error_description') ?? error };
  return query.get('code') && query.get('state') ? { outcome: 'code' } : { outcome: 'none' };
}

/** A sign-out that goes through the domain's /logout: where to go once back (hosted /logout's redirect_uri). */
interface SignOutMarker {
  returnTo?: ReturnTarget;
  locale?: string;
  /** The session ended because the account was deleted. */
  deleted?: boolean;
  at: number;
}

export const saveSignOut = (returnTo: ReturnTarget | undefined, locale: string, deleted = false) =>
  write(SIGNED_OUT, { ...(returnTo ? { returnTo } : {}), locale, ...(deleted ? { deleted } : {}), at: Date.now() } satisfies SignOutMarker);

/** The sign-out this tab sent through the domain, unless it is stale. */
export function takeSignOut(now = Date.now()): Omit<SignOutMarker, 'at'> | undefined {
  const marker = take<SignOutMarker>(SIGNED_OUT);
  if (!marker || typeof marker.at !== 'number' || now - marker.at >= TICKET_MS) return undefined;
  const { at: _at, ...rest } = marker;
  return rest;
}

export const dropSignOut = () => void take(SIGNED_OUT);

/** What this page load brings back from the pool domain, read once (React may run initialisers twice). */
export interface RoundTrip {
  federation?: { ticket: FederationTicket; resume: ProviderReturn };
  signedOut?: { returnTo?: ReturnTarget; locale?: string; deleted?: boolean };
}

/** The language the page had when it left for the pool domain. */
export const roundTripLocale = (roundTrip: RoundTrip) => roundTrip.federation?.ticket.locale ?? roundTrip.signedOut?.locale;

/**
 * The URL this page was loaded at, kept when this module loads: a host that configures Amplify
 * itself lets Amplify complete the return, and Amplify then takes the code out of the address bar.
 */
const arrival = typeof window === 'undefined' ? '' : window.location.href;

/** The page is one of these redirect URLs (as Amplify matches them: origin and path). */
function isAt(href: string, urls: readonly string[]): boolean {
  const path = (u: URL) => u.origin + u.pathname.replace(/\/+$/, '');
  try {
    const here = path(new URL(href));
    return urls.some((u) => path(new URL(u)) === here);
  } catch {
    return false;
  }
}

/** What takeRoundTrip would find here (read, not taken): a page that may be back from the pool domain. */
export function roundTripWaiting(oauth: { redirectSignIn: readonly string[]; redirectSignOut: readonly string[] }, href = arrival): boolean {
  const kept = (key: string) => {
    try {
      return sessionStorage.getItem(key) !== null;
    } catch {
      return false;
    }
  };
  return (isAt(href, oauth.redirectSignIn) && kept(TICKET)) || (isAt(href, oauth.redirectSignOut) && kept(SIGNED_OUT));
}

let taken: RoundTrip | undefined;

/**
 * What the pool domain sent this page back with: only on the redirect URLs it sends browsers to
 * (any other page of the app leaves what the tab kept alone), and only once per page load.
 */
export function takeRoundTrip(oauth: { redirectSignIn: readonly string[]; redirectSignOut: readonly string[] }, href = arrival): RoundTrip {
  if (!taken) {
    const ticket = isAt(href, oauth.redirectSignIn) ? takeTicket() : undefined;
    const signedOut = isAt(href, oauth.redirectSignOut) ? takeSignOut() : undefined;
    taken = { ...(ticket ? { federation: { ticket, resume: readProviderReturn(new URL(href).search) } } : {}), ...(signedOut ? { signedOut } : {}) };
  }
  return taken;
}

/** The round trip has started its machine: a component mounted later (library mode) starts afresh. */
export function roundTripUsed(): void {
  taken = {};
}

/** The machines' input for a page that comes back from a provider (or from the domain's /logout). */
export function returningInput(roundTrip: RoundTrip): { returning?: { target: FederationTarget; resume: ProviderReturn }; notice?: 'signedOut' | 'accountDeleted' } {
  const back = roundTrip.federation;
  return {
    ...(back
      ? {
          returning: {
            target: {
              label: back.ticket.label,
              ...(back.ticket.provider ? { provider: back.ticket.provider } : {}),
              ...(back.ticket.idpIdentifier ? { idpIdentifier: back.ticket.idpIdentifier } : {}),
              ...(back.ticket.loginHint ? { loginHint: back.ticket.loginHint } : {}),
            },
            resume: back.resume,
          },
        }
      : {}),
    ...(roundTrip.signedOut ? { notice: roundTrip.signedOut.deleted ? ('accountDeleted' as const) : ('signedOut' as const) } : {}),
  };
}
