/** The library's custom-challenge prop (SignIn's renderCustomChallenge): a host draws the challenge. */
import type { ReactNode } from 'react';
import type { AuthError } from './machine/types';

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
