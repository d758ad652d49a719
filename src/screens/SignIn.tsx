import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { UsernameField, useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';
import { useFlowConfig } from '../react/flow-config';

export function SignInScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const { signUp } = useFlowConfig();
  const { register, handleSubmit, formState, getValues } = useForm<{ username: string; password: string }>({ defaultValues: { username: context.username, password: '' } });
  const required = useRequired();
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <form noValidate onSubmit={handleSubmit(({ username, password }) => send({ type: 'SUBMIT_SIGN_IN', username, password }))}>
        <UsernameField id="username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        <PasswordField
          id="password"
          label={t('field.password')}
          autoComplete="current-password"
          registration={register('password', required(t('field.password')))}
          error={formState.errors.password?.message}
        />
        <FormActions pending={isPending} label={t('signIn.submit')}>
          <LinkButton onClick={() => send({ type: 'FORGOT_PASSWORD', username: getValues('username') })}>{t('signIn.forgot')}</LinkButton>
        </FormActions>
      </form>
      {signUp && (
        <div className="actions">
          <LinkButton onClick={() => send({ type: 'SIGN_UP' })}>{t('signIn.create')}</LinkButton>
        </div>
      )}
    </Screen>
  );
}
