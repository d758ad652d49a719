import { ChoiceList } from '../components/ChoiceList';
import { LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

/** Choosing a factor: to sign in with (`use`), or to set up when MFA is required and the user has none (`setup`). */
export function MfaChoiceScreen({ purpose }: { purpose: 'use' | 'setup' }) {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t(purpose === 'use' ? 'select.title' : 'selectSetup.title')}>
      <p>{t(purpose === 'use' ? 'select.help' : 'selectSetup.help')}</p>
      <Messages error={context.error} />
      <ChoiceList choices={context.mfaChoices} label={(mfa) => t(`select.${mfa}`)} pending={isPending} onChoose={(mfa) => send({ type: 'CHOOSE_MFA', mfa })} />
      <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
    </Screen>
  );
}

export const SelectMfaScreen = () => <MfaChoiceScreen purpose="use" />;
export const SelectMfaSetupScreen = () => <MfaChoiceScreen purpose="setup" />;
