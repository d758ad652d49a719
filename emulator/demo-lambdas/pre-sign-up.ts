/**
 * Demo PreSignUp: addresses at auto.example are confirmed (and their e-mail verified) at once, so
 * the app signs them in without a code; sign-ups from blocked.example are refused with a reason.
 */
interface PreSignUpEvent {
  request: { userAttributes: Record<string, string> };
  response: { autoConfirmUser?: boolean; autoVerifyEmail?: boolean; autoVerifyPhone?: boolean };
}

export const handler = async (event: PreSignUpEvent): Promise<PreSignUpEvent> => {
  const domain = (event.request.userAttributes.email ?? '').toLowerCase().split('@')[1];
  if (domain === 'blocked.example') throw new Error('Sign-ups from blocked.example are closed.');
  if (domain === 'auto.example') return { ...event, response: { ...event.response, autoConfirmUser: true, autoVerifyEmail: true } };
  return event;
};
