import { LinkButton, SecondaryButton } from '../components/FormActions';
import { CodeForm } from '../components/CodeForm';
import { Countdown } from '../components/Countdown';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

/** An MFA code sent by text message or e-mail: where it went, how long it lasts, a new one on request. */
export function DeliveredCodeScreen({ medium }: { medium: 'sms' | 'email' }) {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t(`${medium}.title`)}>
      <p className="destination">{t(`${medium}.sentTo`, { destination: context.codeDestination ?? '' })}</p>
      {context.codeExpiresAt !== undefined && (
        <p className="expiry">
          {t('sms.expiresIn')} <Countdown until={context.codeExpiresAt} />
        </p>
      )}
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <CodeForm pending={isPending} offerRemember={context.offerRememberDevice} onCode={(code, remember) => send({ type: 'SUBMIT_CODE', code, remember })}>
        <SecondaryButton pending={isPending} onClick={() => send({ type: 'RESEND_CODE' })}>
          {t('sms.resend')}
        </SecondaryButton>
        <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
      </CodeForm>
    </Screen>
  );
}

export const SmsCodeScreen = () => <DeliveredCodeScreen medium="sms" />;
