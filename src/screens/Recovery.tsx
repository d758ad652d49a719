import { useForm } from 'react-hook-form';
import { CodeField, codeRule, normalizeCode } from '../components/CodeField';
import { FormActions, LinkButton, SecondaryButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { NewPasswordField, useNewPasswordRule } from '../components/NewPasswordField';
import { Screen } from '../components/Screen';
import { SsoHint, useSsoMatch } from '../components/SsoHint';
import { UsernameField, useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import { type RecoveryRef, useAuth, useChild, useFlowState } from '../react/auth';
import { CodeDeliveryText } from './CodeDeliveryText';
import { LoadingScreen } from './Loading';

/** "Forgot your password?" (recovery-machine.ts): the username, then the code and a new password. */
export default function RecoveryScreen() {
  const child = useChild('recovery');
  const { send } = useAuth();
  if (!child) return <LoadingScreen />;
  const cancel = () => send({ type: 'CANCEL' });
  return <RecoveryPanel child={child} onCancel={cancel} />;
}

function RecoveryPanel({ child, onCancel }: { child: RecoveryRef; onCancel: () => void }) {
  const { matches } = useFlowState(child);
  return matches('requesting') || matches('sending') ? <RequestCode child={child} onCancel={onCancel} /> : <ResetPassword child={child} onCancel={onCancel} />;
}

function RequestCode({ child, onCancel }: { child: RecoveryRef; onCancel: () => void }) {
  const t = useT();
  const { context, isPending, send } = useFlowState(child);
  const required = useRequired();
  const { register, handleSubmit, formState, watch } = useForm<{ username: string }>({ defaultValues: { username: context.username } });
  const auth = useAuth();
  // A single sign-on e-mail: the password is the provider's to reset.
  const sso = useSsoMatch(watch('username'));
  return (
    <Screen title={t('recovery.title')}>
      <p>{context.reason === 'resetRequired' ? t('recovery.resetRequired') : t('recovery.help')}</p>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(({ username }) => (sso ? auth.send({ type: 'SIGN_IN_WITH_SSO', email: username }) : send({ type: 'SUBMIT_USERNAME', username })))}>
        <UsernameField id="recovery-username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        {sso && <SsoHint match={sso} />}
        <FormActions pending={isPending} label={sso ? t('federation.continueWith', { provider: sso.provider.label }) : t('recovery.send')}>
          <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}

function ResetPassword({ child, onCancel }: { child: RecoveryRef; onCancel: () => void }) {
  const t = useT();
  const rule = useNewPasswordRule();
  const { context, isPending, send } = useFlowState(child);
  const { register, handleSubmit, formState, watch } = useForm<{ code: string; password: string }>({ defaultValues: { code: '', password: '' } });
  return (
    <Screen title={t('recovery.confirmTitle')}>
      <CodeDeliveryText delivery={context.delivery} />
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <form noValidate onSubmit={handleSubmit(({ code, password }) => send({ type: 'SUBMIT_RESET', code: normalizeCode(code), password }))}>
        <CodeField registration={register('code', codeRule(t))} error={formState.errors.code?.message} />
        <NewPasswordField id="reset-password" label={t('field.newPassword')} registration={register('password', rule)} error={formState.errors.password?.message} value={watch('password')} />
        <FormActions pending={isPending} label={t('recovery.submit')}>
          <SecondaryButton pending={isPending} onClick={() => send({ type: 'RESEND' })}>
            {t('recovery.resend')}
          </SecondaryButton>
          <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
