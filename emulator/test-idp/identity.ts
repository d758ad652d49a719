/**
 * Who signs in at the test identity provider: typed on its page, or set ahead by a test
 * (POST /_emulator/idp/next, or `cognito.idp.next()`), and how each provider names that person.
 */
import { createHash } from 'node:crypto';

/** The providers the test IdP stands in for (social ones by Cognito's type), plus a generic OIDC one and SAML. */
export const FLAVOURS = ['google', 'apple', 'facebook', 'amazon', 'oidc', 'saml'] as const;
export type Flavour = (typeof FLAVOURS)[number];
export const isFlavour = (v: string): v is Flavour => (FLAVOURS as readonly string[]).includes(v);

export const FLAVOUR_LABEL: Record<Flavour, string> = {
  google: 'Google',
  apple: 'Apple',
  facebook: 'Facebook',
  amazon: 'Login with Amazon',
  oidc: 'OpenID Connect',
  saml: 'SAML',
};

export interface TestIdentity {
  email: string;
  name: string;
  /** The provider's id for the person; derived from the e-mail when left out (the same e-mail, the same id). */
  sub?: string;
}

/**
 * What a test can ask of the next sign-in instead of a person at the page: an identity, or an
 * error (as if the person cancelled), or a token that must be refused (forged signature, another
 * audience or issuer, a wrong nonce).
 */
export interface NextSignIn {
  identity?: TestIdentity;
  error?: { error: string; description?: string };
  tamper?: 'signature' | 'audience' | 'issuer' | 'nonce';
}

const digest = (text: string) => createHash('sha256').update(text.trim().toLowerCase()).digest();

/** An id in the style of each provider, stable for an e-mail address. */
export function subjectFor(flavour: Flavour, identity: TestIdentity): string {
  if (identity.sub) return identity.sub;
  const d = digest(identity.email);
  const digits = (n: number) => BigInt(`0x${d.toString('hex')}`).toString().padStart(n, '1').slice(0, n);
  switch (flavour) {
    case 'google':
      return `1${digits(20)}`;
    case 'facebook':
      return digits(16);
    case 'amazon':
      return `amzn1.account.${d.toString('base64url').replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 28)}`;
    case 'apple':
      return `001${digits(3)}.${d.toString('hex').slice(0, 32)}.${digits(4)}`;
    case 'oidc':
      return d.toString('hex').slice(0, 24);
    case 'saml':
      return identity.email;
  }
}

/** The person as each provider's profile (userinfo, Graph API, Amazon profile) names them. */
export function profileClaims(flavour: Flavour, identity: TestIdentity): Record<string, string | boolean> {
  const id = subjectFor(flavour, identity);
  const [given, ...rest] = identity.name.trim().split(/\s+/);
  const family = rest.join(' ');
  switch (flavour) {
    case 'facebook':
      return { id, name: identity.name, email: identity.email, first_name: given ?? '', last_name: family };
    case 'amazon':
      return { user_id: id, name: identity.name, email: identity.email };
    case 'apple':
      // Apple's ID token carries no name (it is sent once, outside the token).
      return { sub: id, email: identity.email, email_verified: true };
    default:
      return { sub: id, email: identity.email, email_verified: true, name: identity.name, ...(given ? { given_name: given } : {}), ...(family ? { family_name: family } : {}) };
  }
}
