// An ESM module with an async handler, as Lambda's Node runtime loads it: auto-confirms users whose
// e-mail is at example.com and refuses the ones at blocked.example.
export const handler = async (event) => {
  const email = event.request.userAttributes.email ?? '';
  if (email.endsWith('@blocked.example')) throw new Error('Sign-ups from blocked.example are closed');
  if (email.endsWith('@example.com')) {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};
