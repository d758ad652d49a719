/**
 * Pool settings CreateUserPool accepts beyond those the emulator's flows read elsewhere: checked for
 * shape, kept, and described back by DescribeUserPool (issue 23). Which of them the emulator acts on
 * is said beside each.
 */
import { invalidParameter } from '../errors.js';
import { ARN, type Body, definedFields, optBoolean, optEnum, optNumber, optObject, optString, optStringList, optStringMap } from '../validate.js';

export interface InviteMessageTemplate {
  SMSMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
}

/** AdminCreateUserConfig.InviteMessageTemplate: AdminCreateUser's invitation uses it ({username}, {####}). */
export function readInviteTemplate(config: Body | undefined): InviteMessageTemplate | undefined {
  const template = config && optObject(config, 'InviteMessageTemplate');
  if (!template) return undefined;
  const read = definedFields({
    SMSMessage: optString(template, 'SMSMessage', { min: 6, max: 140 }),
    EmailMessage: optString(template, 'EmailMessage', { min: 6, max: 20000 }),
    EmailSubject: optString(template, 'EmailSubject', { min: 1, max: 140 }),
  });
  for (const key of ['SMSMessage', 'EmailMessage'] as const) {
    const message = read[key];
    // "The message template must contain the {username} and {####} placeholders" (API reference, MessageTemplateType).
    if (message !== undefined && !(message.includes('{username}') && message.includes('{####}'))) {
      throw invalidParameter(`The invitation ${key === 'SMSMessage' ? 'SMS' : 'email'} message must contain the {username} and {####} placeholders.`);
    }
  }
  return read;
}

/** VerificationMessageTemplate's link settings (kept and described; confirmation links are not sent). */
export function readVerificationLink(template: Body): Record<string, string> {
  const option = optEnum(template, 'DefaultEmailOption', ['CONFIRM_WITH_LINK', 'CONFIRM_WITH_CODE'] as const, 64) ?? 'CONFIRM_WITH_CODE';
  const byLink = optString(template, 'EmailMessageByLink', { min: 6, max: 20000 });
  if (byLink !== undefined && !/\{##[\s\S]*##\}/.test(byLink)) throw invalidParameter('EmailMessageByLink must contain the {##Click Here##} placeholder.');
  return definedFields({ DefaultEmailOption: option, EmailMessageByLink: byLink, EmailSubjectByLink: optString(template, 'EmailSubjectByLink', { min: 1, max: 140 }) }) as Record<string, string>;
}

/** EmailConfiguration beyond EmailSendingAccount: kept and described (messages go to the outbox). */
export function readEmailDetails(config: Body | undefined): Record<string, string> {
  if (!config) return {};
  return definedFields({
    SourceArn: optString(config, 'SourceArn', { min: 20, max: 2048, pattern: ARN }),
    ReplyToEmailAddress: optString(config, 'ReplyToEmailAddress', { max: 320 }),
    From: optString(config, 'From', { max: 320 }),
    ConfigurationSet: optString(config, 'ConfigurationSet', { min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ }),
  }) as Record<string, string>;
}

/**
 * Top-level settings kept and described back without being acted on (the README lists them):
 * UsernameConfiguration, UserAttributeUpdateSettings, UserPoolAddOns, UserPoolTags.
 */
export function readKeptSettings(body: Body): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const username = optObject(body, 'UsernameConfiguration');
  if (username) {
    const caseSensitive = optBoolean(username, 'CaseSensitive');
    if (caseSensitive === undefined) throw invalidParameter('UsernameConfiguration.CaseSensitive is required.');
    kept.UsernameConfiguration = { CaseSensitive: caseSensitive };
  }
  const update = optObject(body, 'UserAttributeUpdateSettings');
  if (update) {
    const names = optStringList(update, 'AttributesRequireVerificationBeforeUpdate', 2) ?? [];
    if (names.some((n) => n !== 'email' && n !== 'phone_number')) throw invalidParameter('AttributesRequireVerificationBeforeUpdate may list only email and phone_number.');
    kept.UserAttributeUpdateSettings = { AttributesRequireVerificationBeforeUpdate: names };
  }
  const addOns = optObject(body, 'UserPoolAddOns');
  if (addOns) {
    kept.UserPoolAddOns = definedFields({
      AdvancedSecurityMode: optEnum(addOns, 'AdvancedSecurityMode', ['OFF', 'AUDIT', 'ENFORCED'] as const, 64) ?? 'OFF',
      AdvancedSecurityAdditionalFlows: optObject(addOns, 'AdvancedSecurityAdditionalFlows'),
    });
  }
  const tags = optStringMap(body, 'UserPoolTags');
  if (tags) kept.UserPoolTags = Object.fromEntries(tags);
  return kept;
}

/** AdminCreateUserConfig.UnusedAccountValidityDays (deprecated; TemporaryPasswordValidityDays rules). */
export const readUnusedAccountValidityDays = (config: Body | undefined) => (config ? optNumber(config, 'UnusedAccountValidityDays', 0, 365) : undefined);
