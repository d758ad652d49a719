import { LinkButton, SecondaryButton } from '../components/FormActions';
import { CodeForm } from '../components/CodeForm';
import { Countdown } from '../components/Countdown';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function SmsCodeScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t('sms.title')}>
      <p className="destination">{t('sms.sentTo', { destination: context.smsDestination ?? '' })}</p>
      {context.codeExpiresAt !== undefined && (
        <p className="expiry">
          {t('sms.expiresIn')} <Countdown until={context.codeExpiresAt} />
        </p>
      )}
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <CodeForm pending={isPending} onCode={(code) => send({ type: 'SUBMIT_CODE', code })}>
        <SecondaryButton pending={isPending} onClick={() => send({ type: 'RESEND_CODE' })}>
          {t('sms.resend')}
        </SecondaryButton>
        <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
      </CodeForm>
    </Screen>
  );
}
