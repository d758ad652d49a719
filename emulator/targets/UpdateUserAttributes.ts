import { requireWritable, tokenClient, tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { applyAttributes, type CodeDeliveryDetails, sendVerificationCode } from '../services/attributes.js';
import { optStringMap, reqAttributes } from '../validate.js';

/** Changing email or phone unverifies it; auto-verified attributes get a code (24 h) in the outbox. */
export const UpdateUserAttributes: Operation = async (svc, body) => {
  const attributes = reqAttributes(body, 'UserAttributes');
  optStringMap(body, 'ClientMetadata');
  const { claims, pool, user } = await tokenUser(svc, body);
  requireWritable(tokenClient(svc, claims), attributes.map((a) => a.Name));
  const deliveries: CodeDeliveryDetails[] = [];
  updateUser(svc, pool, user.username, (u) => {
    for (const name of applyAttributes(pool, u, attributes, false)) {
      if (pool.autoVerifiedAttributes.includes(name)) deliveries.push(sendVerificationCode(svc, pool, u, name));
    }
  });
  return { CodeDeliveryDetailsList: deliveries };
};
