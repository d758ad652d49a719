/**
 * The pool's /.well-known/openid-configuration, as Cognito serves it (keys of a current real copy,
 * localstack issue 12914): once the pool has a domain it lists the domain's endpoints, which is
 * how OIDC clients (and tests) find them.
 */
import type { Services } from '../context.js';
import { domainUrl } from './domains.js';

export function openIdConfiguration(svc: Services, poolId: string): Record<string, unknown> {
  const issuer = svc.tokens.issuer(poolId);
  const domain = svc.store.domainOf(poolId);
  const base = domain && domainUrl(svc, domain.domain);
  return {
    ...(base ? { authorization_endpoint: `${base}/oauth2/authorize`, end_session_endpoint: `${base}/logout` } : {}),
    id_token_signing_alg_values_supported: ['RS256'],
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    ...(base ? { revocation_endpoint: `${base}/oauth2/revoke` } : {}),
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    ...(base ? { token_endpoint: `${base}/oauth2/token` } : {}),
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    ...(base ? { userinfo_endpoint: `${base}/oauth2/userInfo` } : {}),
  };
}
