/**
 * Demo UserMigration: users of an "old system" (the table below) move into the pool the first time
 * they sign in (with USER_PASSWORD_AUTH: authFlow "password") or reset a forgotten password. The
 * same refusal for an unknown user and a wrong password: nothing tells them apart.
 */
interface MigrationEvent {
  userName: string;
  triggerSource: string;
  request: { password?: string };
  response: { userAttributes?: Record<string, string>; finalUserStatus?: string; messageAction?: string };
}

export const LEGACY_USERS: Record<string, { password: string; email: string }> = {
  'legacy-user': { password: 'Legacy-Passw0rd!', email: 'legacy-user@example.com' },
};

export const handler = async (event: MigrationEvent): Promise<MigrationEvent> => {
  const legacy = LEGACY_USERS[event.userName.toLowerCase()];
  const signingIn = event.triggerSource === 'UserMigration_Authentication';
  if (!legacy || (signingIn && event.request.password !== legacy.password)) throw new Error('Incorrect username or password.');
  return {
    ...event,
    response: { userAttributes: { email: legacy.email, email_verified: 'true' }, finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' },
  };
};
