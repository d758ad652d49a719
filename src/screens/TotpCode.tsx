import { LinkButton } from '../components/FormActions';
import { CodeForm } from '../components/CodeForm';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function TotpCodeScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t('totp.title')}>
      <p>{t('totp.help')}</p>
      <Messages error={context.error} />
      <CodeForm pending={isPending} offerRemember={context.offerRememberDevice} onCode={(code, remember) => send({ type: 'SUBMIT_CODE', code, remember })}>
        <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
      </CodeForm>
    </Screen>
  );
}
