import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import type { CognitoError } from '../errors.js';
import { verifyCode } from '../services/attributes.js';
import { reqString } from '../validate.js';

export const VerifyUserAttribute: Operation = async (svc, body) => {
  const name = reqString(body, 'AttributeName', { max: 32 });
  const code = reqString(body, 'Code', { max: 2048 });
  const { pool, user } = await tokenUser(svc, body);
  let failure: CognitoError | undefined;
  updateUser(svc, pool, user.username, (u) => void (failure = verifyCode(svc, u, name, code)));
  if (failure) throw failure;
  return {};
};
