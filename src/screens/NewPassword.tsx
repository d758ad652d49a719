import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function NewPasswordScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const { register, handleSubmit, formState, getValues } = useForm<{ password: string; confirm: string }>({ defaultValues: { password: '', confirm: '' } });
  return (
    <Screen title={t('newPassword.title')}>
      <p>{t('newPassword.help')}</p>
      <p id="password-rules" className="hint">
        {t('newPassword.rules')}
      </p>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(({ password }) => send({ type: 'SUBMIT_NEW_PASSWORD', password }))}>
        <PasswordField
          id="new-password"
          label={t('field.newPassword')}
          autoComplete="new-password"
          registration={register('password', { validate: (v) => v !== '' || t('validation.required', { field: t('field.newPassword').toLowerCase() }) })}
          error={formState.errors.password?.message}
        />
        <PasswordField
          id="confirm-password"
          label={t('field.confirmPassword')}
          autoComplete="new-password"
          registration={register('confirm', { validate: (v) => v === getValues('password') || t('validation.passwordsDiffer') })}
          error={formState.errors.confirm?.message}
        />
        <FormActions pending={isPending} label={t('newPassword.submit')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
