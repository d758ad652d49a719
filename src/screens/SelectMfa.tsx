import { LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function SelectMfaScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t('select.title')}>
      <p>{t('select.help')}</p>
      <Messages error={context.error} />
      <ul className="choices">
        {context.mfaChoices.map((mfa) => (
          <li key={mfa}>
            <button type="button" className="choice" disabled={isPending} onClick={() => send({ type: 'CHOOSE_MFA', mfa })}>
              {t(`select.${mfa}`)}
            </button>
          </li>
        ))}
      </ul>
      <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
    </Screen>
  );
}
