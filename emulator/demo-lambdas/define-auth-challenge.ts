/**
 * Demo DefineAuthChallenge: a security question after the password for users who set one
 * (custom:pet), three tries. With SRP (authFlow "customWithSrp") the password comes first; without
 * it ("customWithoutSrp") the answer alone signs in — a demo of the flow, not a recommendation.
 */
interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
}
interface DefineEvent {
  request: { userAttributes: Record<string, string>; session: ChallengeResult[]; userNotFound?: boolean };
  response: { challengeName?: string; issueTokens?: boolean; failAuthentication?: boolean };
}

export const MAX_TRIES = 3;

export const handler = async (event: DefineEvent): Promise<DefineEvent> => {
  const { session, userAttributes, userNotFound } = event.request;
  const decide = (response: DefineEvent['response']) => ({ ...event, response: { issueTokens: false, failAuthentication: false, ...response } });
  if (userNotFound) return decide({ failAuthentication: true });
  const last = session.at(-1);
  if (last?.challengeName === 'SRP_A') return decide({ challengeName: 'PASSWORD_VERIFIER' });
  if (last?.challengeName === 'PASSWORD_VERIFIER' && !last.challengeResult) return decide({ failAuthentication: true });
  const passwordChecked = session.some((s) => s.challengeName === 'PASSWORD_VERIFIER' && s.challengeResult);
  const questions = session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE');
  if (questions.some((q) => q.challengeResult)) return decide({ issueTokens: true });
  if (questions.length >= MAX_TRIES) return decide({ failAuthentication: true });
  if (!userAttributes['custom:pet']) return decide(passwordChecked ? { issueTokens: true } : { failAuthentication: true });
  return decide({ challengeName: 'CUSTOM_CHALLENGE' });
};
