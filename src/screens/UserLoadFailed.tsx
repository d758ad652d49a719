import { LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function UserLoadFailedScreen() {
  const t = useT();
  const { context, send } = useAuth();
  return (
    <Screen title={t('signedIn.loadFailed')}>
      <Messages error={context.error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => send({ type: 'RETRY' })}>
          {t('account.retry')}
        </button>
        <LinkButton onClick={() => send({ type: 'SIGN_OUT' })}>{t('signedIn.signOut')}</LinkButton>
      </div>
    </Screen>
  );
}
