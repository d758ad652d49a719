/**
 * What the screens need to know of the pool that a browser can't ask Cognito: its password policy,
 * and whether it offers self-registration (with a phone number). From config.json in the app,
 * from props in the library.
 */
import { createContext, type ReactNode, useContext } from 'react';
import type { AuthError } from '../machine/types';
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

/** What a host's custom-challenge UI gets: the challenge's public parameters, and how to answer. */
export interface CustomChallengeProps {
  parameters: Readonly<Record<string, string>>;
  /** An answer is being checked. */
  pending: boolean;
  /** The same challenge came back after an answer: it was not accepted. */
  notAccepted: boolean;
  error?: AuthError | undefined;
  answer: (answer: string) => void;
  cancel: () => void;
}
/** Returns the host's UI for a challenge, or undefined to use the built-in one for it. */
export type CustomChallengeRenderer = (props: CustomChallengeProps) => ReactNode | undefined;

export const FlowConfigContext = createContext<FlowConfig>({ passwordPolicy: DEFAULT_PASSWORD_POLICY, signUp: false });
export const useFlowConfig = () => useContext(FlowConfigContext);
