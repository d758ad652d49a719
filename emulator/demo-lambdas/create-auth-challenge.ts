/** Demo CreateAuthChallenge: the security question; its answer stays on the server side (private parameters). */
interface CreateEvent {
  request: { challengeName: string; userAttributes: Record<string, string> };
  response: { publicChallengeParameters?: Record<string, string>; privateChallengeParameters?: Record<string, string>; challengeMetadata?: string };
}

export const handler = async (event: CreateEvent): Promise<CreateEvent> => ({
  ...event,
  response: {
    publicChallengeParameters: { question: 'What was the name of your first pet?' },
    privateChallengeParameters: { answer: event.request.userAttributes['custom:pet'] ?? '' },
    challengeMetadata: 'PET_QUESTION',
  },
});
