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
  svc.tokens.revokeIfLive(token, client.id);
  return {};
};
