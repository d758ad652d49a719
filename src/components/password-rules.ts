/** The pool's password policy as rules a user can see met or not, as they type. */
import type { PasswordPolicy } from '../config';

export type PasswordRule = 'minLength' | 'lowercase' | 'uppercase' | 'number' | 'symbol';

// Cognito's symbol set (developer guide, password policies).
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function passwordRules(policy: PasswordPolicy, password: string): { rule: PasswordRule; met: boolean }[] {
  return [
    { rule: 'minLength' as const, met: [...password].length >= policy.minLength, on: true },
    { rule: 'lowercase' as const, met: /\p{Ll}/u.test(password), on: policy.requireLowercase },
    { rule: 'uppercase' as const, met: /\p{Lu}/u.test(password), on: policy.requireUppercase },
    { rule: 'number' as const, met: /\d/.test(password), on: policy.requireNumbers },
    { rule: 'symbol' as const, met: SYMBOL.test(password), on: policy.requireSymbols },
  ]
    .filter((r) => r.on)
    .map(({ rule, met }) => ({ rule, met }));
}

export const meetsPolicy = (policy: PasswordPolicy, password: string) => passwordRules(policy, password).every((r) => r.met);
