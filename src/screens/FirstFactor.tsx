import { useForm } from 'react-hook-form';
import { ChoiceList } from '../components/ChoiceList';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

/** Choice-based sign-in: how to sign in this time (the one used last on this browser first). */
export function SelectFirstFactorScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  return (
    <Screen title={t('firstFactor.title')}>
      <p>{t('firstFactor.help', { username: context.username })}</p>
      <Messages error={context.error} />
      <ChoiceList
        choices={context.firstFactors}
        label={(factor) => t(`firstFactor.${factor}`)}
        pending={isPending}
        onChoose={(factor) => send({ type: 'CHOOSE_FIRST_FACTOR', factor })}
      />
      <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
    </Screen>
  );
}

/** The password, chosen as the first factor. */
export function PasswordFactorScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const required = useRequired();
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  return (
    <Screen title={t('firstFactor.passwordTitle')}>
      <p>{t('firstFactor.help', { username: context.username })}</p>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(({ password }) => send({ type: 'SUBMIT_PASSWORD', password }))}>
        <PasswordField
          id="factor-password"
          label={t('field.password')}
          autoComplete="current-password"
          registration={register('password', required(t('field.password')))}
          error={formState.errors.password?.message}
        />
        <FormActions pending={isPending} label={t('signIn.submit')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
