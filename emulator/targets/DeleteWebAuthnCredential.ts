import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { resourceNotFound } from '../errors.js';
import { reqString } from '../validate.js';

export const DeleteWebAuthnCredential: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  const id = reqString(body, 'CredentialId', { min: 1, max: 1024 });
  updateUser(svc, pool, user.username, (u) => {
    if (!(u.webAuthnCredentials ?? []).some((c) => c.id === id)) throw resourceNotFound('Credential does not exist.');
    u.webAuthnCredentials = (u.webAuthnCredentials ?? []).filter((c) => c.id !== id);
  });
  return {};
};
