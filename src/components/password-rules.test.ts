import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY } from '../config';
import { meetsPolicy, passwordRules } from './password-rules';

describe('password rules', () => {
  it('checks each rule of the policy as Cognito does', () => {
    expect(passwordRules(DEFAULT_PASSWORD_POLICY, 'abc')).toEqual([
      { rule: 'minLength', met: false },
      { rule: 'lowercase', met: true },
      { rule: 'uppercase', met: false },
      { rule: 'number', met: false },
      { rule: 'symbol', met: false },
    ]);
    expect(meetsPolicy(DEFAULT_PASSWORD_POLICY, 'Correct-Horse-9!')).toBe(true);
    expect(meetsPolicy(DEFAULT_PASSWORD_POLICY, 'Correct Horse 9')).toBe(true); // a space is one of Cognito's symbols
  });

  it('leaves out what the policy does not require', () => {
    const lax = { minLength: 6, requireLowercase: false, requireUppercase: false, requireNumbers: true, requireSymbols: false };
    expect(passwordRules(lax, 'abcdef1').map((r) => r.rule)).toEqual(['minLength', 'number']);
    expect(meetsPolicy(lax, 'abcdef1')).toBe(true);
  });
});
