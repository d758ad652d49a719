import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { type CodeDeliveryDetails, isVerifiable, prepareVerificationCode, sendVerificationCode } from '../services/attributes.js';
import { optStringMap, reqString } from '../validate.js';

/** A code for an attribute the user asks to verify: the message composed first (CustomMessage_VerifyUserAttribute), then recorded and sent. */
export const GetUserAttributeVerificationCode: Operation = async (svc, body) => {
  const name = reqString(body, 'AttributeName', { max: 32 });
  optStringMap(body, 'ClientMetadata');
  const { claims, pool, user } = await tokenUser(svc, body);
  const prepared = await prepareVerificationCode(svc, pool, user, name, 'VerifyUserAttribute', claims.client_id);
  let delivery: CodeDeliveryDetails | undefined;
  if (isVerifiable(name)) updateUser(svc, pool, user.username, (u) => void (delivery = sendVerificationCode(svc, pool, u, name, prepared)));
  return { CodeDeliveryDetails: delivery };
};
