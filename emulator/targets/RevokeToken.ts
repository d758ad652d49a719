import type { Operation } from '../context.js';
import { CognitoError, notAuthorized } from '../errors.js';
import { requireClient, sameSecret } from '../services/users.js';
import { CLIENT_ID, optString, reqString } from '../validate.js';

/** Revokes a refresh token and the access/id tokens issued from it. */
export const RevokeToken: Operation = (svc, body) => {
  const token = reqString(body, 'Token', { max: 8192 });
  const clientId = reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID });
  const secret = optString(body, 'ClientSecret', { max: 128 });
  const { client } = requireClient(svc.store, clientId);
  if (client.secret && !sameSecret(secret, client.secret)) throw notAuthorized(`Client ${client.id} is configured with secret but the secret was not received or is wrong`);
  if (!client.enableTokenRevocation) throw new CognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this app client.');
  if (token.split('.').length === 3) throw new CognitoError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
  try {
    const { record, hash } = svc.tokens.useRefreshToken(token, client.id);
    svc.tokens.revoke(hash, record);
  } catch (e) {
    // As in RFC 7009, revoking an unknown, expired or already revoked token is not an error.
    if (!(e instanceof CognitoError) || e.type !== 'NotAuthorizedException') throw e;
  }
  return {};
};
