import { requireWritable, tokenClient, tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { applyAttributes, type CodeDeliveryDetails, prepareVerificationCode, sendVerificationCode, type Verifiable } from '../services/attributes.js';
import type { OutgoingMessage } from '../services/custom-message.js';
import { optStringMap, reqAttributes } from '../validate.js';

/**
 * Changing email or phone unverifies it; auto-verified attributes get a code (24 h) in the outbox.
 * The messages are composed (CustomMessage_UpdateUserAttribute) on a preview of the change before
 * it is written, so a failing trigger changes nothing.
 */
export const UpdateUserAttributes: Operation = async (svc, body) => {
  const attributes = reqAttributes(body, 'UserAttributes');
  optStringMap(body, 'ClientMetadata');
  const { claims, pool, user } = await tokenUser(svc, body);
  requireWritable(tokenClient(svc, claims), attributes.map((a) => a.Name));
  const preview = structuredClone(user);
  const prepared = new Map<Verifiable, OutgoingMessage>();
  for (const name of applyAttributes(pool, preview, attributes, false)) {
    if (pool.autoVerifiedAttributes.includes(name)) prepared.set(name, await prepareVerificationCode(svc, pool, preview, name, 'UpdateUserAttribute', claims.client_id));
  }
  const deliveries: CodeDeliveryDetails[] = [];
  updateUser(svc, pool, user.username, (u) => {
    for (const name of applyAttributes(pool, u, attributes, false)) {
      const message = prepared.get(name);
      if (message && message.destination === (u.attributes.find(([n]) => n === name)?.[1] ?? '')) deliveries.push(sendVerificationCode(svc, pool, u, name, message));
    }
  });
  return { CodeDeliveryDetailsList: deliveries };
};
