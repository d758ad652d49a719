/**
 * Every SMS and e-mail the emulator sends, through the pool's CustomMessage trigger when it has one
 * (DG = developer guide, "Custom message Lambda trigger"): the trigger gets the user's attributes and
 * placeholders (codeParameter "{####}", usernameParameter for AdminCreateUser, linkParameter) and may
 * answer smsMessage / emailMessage / emailSubject; Cognito then puts the code where the placeholder is.
 * A field the function leaves empty keeps the pool's own message.
 */
import type { Services } from '../context.js';
import { CognitoError } from '../errors.js';
import type { PoolRecord, UserRecord } from './model.js';
import { fillCode } from './outbox.js';
import { eventAttributes, metadataUnlessInitiating } from './trigger-events.js';
import { responseString, runTrigger } from './triggers.js';

export type MessageSource = 'SignUp' | 'AdminCreateUser' | 'ResendCode' | 'ForgotPassword' | 'UpdateUserAttribute' | 'VerifyUserAttribute' | 'Authentication';

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';
/** The placeholder of a verification link (DG, custom message request parameters). */
export const LINK_PARAMETER = '{##Click Here##}';

/** A message ready to go: its text has the code in it. */
export interface OutgoingMessage {
  channel: 'SMS' | 'EMAIL';
  destination: string;
  message: string;
  /** E-mail only. The outbox keeps no subject; it is what the trigger or the pool chose. */
  subject?: string;
  code: string;
}

export interface MessageRequest {
  source: MessageSource;
  user: UserRecord;
  channel: 'SMS' | 'EMAIL';
  destination: string;
  code: string;
  /** The pool's text for this message, with CODE_PARAMETER (and USERNAME_PARAMETER for AdminCreateUser). */
  template: string;
  subject?: string | undefined;
  clientId?: string | undefined;
}

/**
 * "Must include the codeParameter value received in the request" (DG, smsMessage / emailMessage):
 * Cognito refuses a text without it with this InvalidParameterException (amazon-cognito-identity-js
 * issue 99: "Value at 'emailBody' failed to satisfy constraint: Member must satisfy regular expression
 * pattern: ...\{####\}..."). An invitation must carry the username placeholder too (DG note on
 * CustomMessage_AdminCreateUser); the same answer for it is ours.
 */
function checkPlaceholders(text: string, field: 'emailBody' | 'smsMessage', needsUsername: boolean): void {
  const missing = !text.includes(CODE_PARAMETER) ? '\\{####\\}' : needsUsername && !text.includes(USERNAME_PARAMETER) ? '\\{username\\}' : undefined;
  if (!missing) return;
  const free = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*';
  throw new CognitoError(
    'InvalidParameterException',
    `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${free}${missing}${free}`,
  );
}

/** The text to send (the trigger's, else the pool's) with the code and username filled in. */
export async function composeMessage(svc: Services, pool: PoolRecord, request: MessageRequest): Promise<OutgoingMessage> {
  const invitation = request.source === 'AdminCreateUser';
  let text = request.template;
  let subject = request.subject;
  const response = await runTrigger(svc, pool, 'CustomMessage', () => ({
    triggerSource: `CustomMessage_${request.source}`,
    userName: request.user.username,
    clientId: request.clientId,
    request: {
      userAttributes: eventAttributes(request.user),
      codeParameter: CODE_PARAMETER,
      linkParameter: LINK_PARAMETER,
      usernameParameter: invitation ? USERNAME_PARAMETER : null,
      ...metadataUnlessInitiating(),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  }));
  if (response) {
    const custom = responseString(response, request.channel === 'SMS' ? 'smsMessage' : 'emailMessage');
    if (custom) {
      checkPlaceholders(custom, request.channel === 'SMS' ? 'smsMessage' : 'emailBody', invitation);
      text = custom;
    }
    const customSubject = responseString(response, 'emailSubject');
    if (request.channel === 'EMAIL' && customSubject) subject = customSubject;
  }
  const filled = fillCode(invitation ? text.split(USERNAME_PARAMETER).join(request.user.username) : text, request.code);
  return { channel: request.channel, destination: request.destination, message: filled, code: request.code, ...(subject !== undefined && request.channel === 'EMAIL' ? { subject } : {}) };
}

/** Puts a composed message in the outbox. */
export function deliver(svc: Services, pool: PoolRecord, username: string, m: OutgoingMessage): void {
  svc.outbox.send({ poolId: pool.id, username, channel: m.channel, destination: m.destination, message: m.message, code: m.code });
}
