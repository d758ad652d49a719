import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { type CodeDeliveryDetails, sendVerificationCode } from '../services/attributes.js';
import { optStringMap, reqString } from '../validate.js';

export const GetUserAttributeVerificationCode: Operation = async (svc, body) => {
  const name = reqString(body, 'AttributeName', { max: 32 });
  optStringMap(body, 'ClientMetadata');
  const { pool, user } = await tokenUser(svc, body);
  let delivery: CodeDeliveryDetails | undefined;
  updateUser(svc, pool, user.username, (u) => void (delivery = sendVerificationCode(svc, pool, u, name)));
  return { CodeDeliveryDetails: delivery };
};
