import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';
import { EMAIL } from './ContactPanel';

/** Setting up e-mail codes at sign-in: the address, which Cognito checks with a code before it counts. */
export function EmailSetupScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const { register, handleSubmit, formState } = useForm<{ email: string }>({ defaultValues: { email: '' } });
  return (
    <Screen title={t('emailSetup.title')}>
      <p>{t('emailSetup.help')}</p>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(({ email }) => send({ type: 'SUBMIT_EMAIL', email: email.trim() }))}>
        <TextField
          id="mfa-email"
          label={t('field.email')}
          type="email"
          autoComplete="email"
          registration={register('email', { validate: (v) => EMAIL.test(v.trim()) || t('validation.email') })}
          error={formState.errors.email?.message}
        />
        <FormActions pending={isPending} label={t('emailSetup.submit')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
