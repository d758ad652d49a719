import { useForm } from 'react-hook-form';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function SignInScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const { register, handleSubmit, formState } = useForm<{ username: string; password: string }>({ defaultValues: { username: context.username, password: '' } });
  const required = (field: string) => ({ validate: (v: string) => v.trim() !== '' || t('validation.required', { field }) });
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <form noValidate onSubmit={handleSubmit(({ username, password }) => send({ type: 'SUBMIT_SIGN_IN', username, password }))}>
        <div className="field">
          <label htmlFor="username">{t('field.username')}</label>
          <input
            id="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={formState.errors.username ? true : undefined}
            aria-describedby={formState.errors.username ? 'username-error' : undefined}
            {...register('username', required(t('field.username').toLowerCase()))}
          />
          {formState.errors.username && (
            <p id="username-error" className="field-error">
              {formState.errors.username.message}
            </p>
          )}
        </div>
        <PasswordField
          id="password"
          label={t('field.password')}
          autoComplete="current-password"
          registration={register('password', required(t('field.password').toLowerCase()))}
          error={formState.errors.password?.message}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={isPending} aria-busy={isPending}>
            {isPending ? t('common.working') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
