/** Sign-ins a test set ahead: taken, in order, by the next visits to the test IdP (that provider's, or any). */
import type { Services } from '../context.js';
import { invalidParameter } from '../errors.js';
import type { Body } from '../validate.js';
import { type Flavour, isFlavour, type NextSignIn } from './identity.js';

const KEEP_MS = 10 * 60_000;
const TAMPER = ['signature', 'audience', 'issuer', 'nonce'];

export function queueNext(svc: Services, flavour: Flavour | 'any', next: NextSignIn): void {
  svc.store.transaction(() => {
    const queue = svc.store.getEphemeral<NextSignIn[]>('idpNext', flavour, svc.clock.now()) ?? [];
    svc.store.putEphemeral('idpNext', flavour, svc.clock.now() + KEEP_MS, [...queue, next]);
  });
}

export function takeNext(svc: Services, flavour: Flavour): NextSignIn | undefined {
  return svc.store.transaction(() => {
    for (const key of [flavour, 'any']) {
      const queue = svc.store.getEphemeral<NextSignIn[]>('idpNext', key, svc.clock.now());
      if (!queue?.length) continue;
      const [first, ...rest] = queue;
      if (rest.length) svc.store.putEphemeral('idpNext', key, svc.clock.now() + KEEP_MS, rest);
      else svc.store.deleteEphemeral('idpNext', key);
      return first;
    }
    return undefined;
  });
}

/** The body of POST /_emulator/idp/next: { provider?, email, name, sub?, error?, error_description?, tamper? }. */
export function readNext(body: Body): { flavour: Flavour | 'any'; next: NextSignIn } {
  const str = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
  const provider = str('provider') ?? 'any';
  if (provider !== 'any' && !isFlavour(provider)) throw invalidParameter(`provider must be one of google, apple, facebook, amazon, oidc, saml (or left out for any).`);
  const error = str('error');
  const email = str('email');
  const tamper = str('tamper');
  if (tamper !== undefined && !TAMPER.includes(tamper)) throw invalidParameter(`tamper must be one of ${TAMPER.join(', ')}.`);
  if (!error && !email) throw invalidParameter('Give the identity (email, and name) or an error.');
  const next: NextSignIn = error
    ? { error: { error, ...(str('error_description') ? { description: str('error_description')! } : {}) } }
    : { identity: { email: email!, name: str('name') ?? email!.split('@')[0], ...(str('sub') ? { sub: str('sub')! } : {}) }, ...(tamper ? { tamper: tamper as NextSignIn['tamper'] } : {}) };
  return { flavour: provider as Flavour | 'any', next };
}
