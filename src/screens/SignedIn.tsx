import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { federationOf } from '../machine/federation';
import { useAuth } from '../react/auth';

export function SignedInScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const user = context.user;
  // A federated user's username is Cognito's `<Provider>_<id>`: their e-mail (or name) says who they are.
  const federated = user !== undefined && federationOf(user).federatedUser !== undefined;
  const name = federated ? (user?.attributes.email ?? user?.attributes.name ?? user?.username) : user?.username;
  return (
    <Screen title={t('signedIn.title')}>
      <p data-testid="signed-in-user">{t('signedIn.as', { username: name ?? '' })}</p>
      {user?.signedInWith && (
        <p className="hint" data-testid="signed-in-with">
          {t('signedIn.with', { provider: user.signedInWith })}
        </p>
      )}
      {!federated && user?.attributes.email && (
        <p className="hint" data-testid="signed-in-email">
          {user.attributes.email}
        </p>
      )}
      {user?.groups && user.groups.length > 0 && (
        <p className="hint" data-testid="signed-in-groups">
          {t('signedIn.groups', { groups: user.groups.join(', ') })}
        </p>
      )}
      {context.deviceNotRemembered && <p className="warning">{t('signedIn.deviceNotRemembered')}</p>}
      <Messages error={context.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => send({ type: 'OPEN_ACCOUNT' })}>
          {t('signedIn.account')}
        </button>
        <button type="button" className="primary" disabled={isPending} onClick={() => send({ type: 'SIGN_OUT' })}>
          {t('signedIn.signOut')}
        </button>
        <button type="button" className="link" disabled={isPending} onClick={() => send({ type: 'SIGN_OUT', global: true })}>
          {t('signedIn.signOutEverywhere')}
        </button>
      </div>
    </Screen>
  );
}
