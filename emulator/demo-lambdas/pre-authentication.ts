/**
 * Demo PreAuthentication: a suspended account is refused with the reason. A real trigger would look
 * the account up where the team keeps such state; here it is a list.
 */
interface PreAuthenticationEvent {
  userName: string;
}

export const SUSPENDED_USERS = new Set(['suspended-user']);

export const handler = async (event: PreAuthenticationEvent): Promise<PreAuthenticationEvent> => {
  if (SUSPENDED_USERS.has(event.userName)) throw new Error('This account is suspended. Contact support to restore it.');
  return event;
};
