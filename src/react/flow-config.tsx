/**
 * What the screens need to know of the pool that a browser can't ask Cognito: its password policy,
 * and whether it offers self-registration (with a phone number). From config.json in the app,
 * from props in the library.
 */
import { createContext, useContext } from 'react';
import type { CustomChallengeRenderer } from '../custom-challenge';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../config';
import type { ProviderOption } from '../machine/federation';

export interface FlowConfig {
  passwordPolicy: PasswordPolicy;
  signUp: boolean;
  signUpPhone?: 'optional' | 'required' | undefined;
  /** The pool offers e-mail codes as an MFA factor. */
  emailMfa?: boolean;
  /** The identity providers the app offers: their labels name them in account security. */
  providers?: readonly ProviderOption[];
  /** A library host's own UI for a custom challenge (a CAPTCHA widget…); undefined: the built-in question and answer. */
  renderCustomChallenge?: CustomChallengeRenderer | undefined;
}

export const FlowConfigContext = createContext<FlowConfig>({ passwordPolicy: DEFAULT_PASSWORD_POLICY, signUp: false });
export const useFlowConfig = () => useContext(FlowConfigContext);
