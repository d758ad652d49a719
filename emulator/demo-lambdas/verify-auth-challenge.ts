/** Demo VerifyAuthChallengeResponse: the answer, compared without regard to case or spaces around it. */
interface VerifyEvent {
  request: { privateChallengeParameters: Record<string, string>; challengeAnswer: string };
  response: { answerCorrect?: boolean };
}

const normalise = (text: string) => text.trim().toLowerCase();

export const handler = async (event: VerifyEvent): Promise<VerifyEvent> => {
  const expected = event.request.privateChallengeParameters.answer ?? '';
  return { ...event, response: { answerCorrect: expected !== '' && normalise(event.request.challengeAnswer) === normalise(expected) } };
};
