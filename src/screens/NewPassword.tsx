import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { NewPasswordField, useNewPasswordRule } from '../components/NewPasswordField';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { type MessageKey, useT } from '../i18n';
import { useAuth } from '../react/auth';

const LABELLED = ['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'birthdate', 'address'];

/** A temporary password must be replaced; attributes the pool requires and the user lacks are asked for too. */
export function NewPasswordScreen() {
  const t = useT();
  const rule = useNewPasswordRule();
  const { context, isPending, send } = useAuth();
  const required = context.requiredAttributes;
  const { register, handleSubmit, formState, getValues, watch } = useForm<{ password: string; confirm: string; attributes: Record<string, string> }>({
    defaultValues: { password: '', confirm: '', attributes: Object.fromEntries(required.map((a) => [a, ''])) },
  });
  const label = (name: string) => (LABELLED.includes(name) ? t(`attribute.${name}` as MessageKey) : name);
  return (
    <Screen title={t('newPassword.title')}>
      <p>{t('newPassword.help')}</p>
      <Messages error={context.error} />
      <form
        noValidate
        onSubmit={handleSubmit(({ password, attributes }) => send({ type: 'SUBMIT_NEW_PASSWORD', password, ...(required.length ? { attributes } : {}) }))}
      >
        <NewPasswordField id="new-password" label={t('field.newPassword')} registration={register('password', rule)} error={formState.errors.password?.message} value={watch('password')} />
        <PasswordField
          id="confirm-password"
          label={t('field.confirmPassword')}
          autoComplete="new-password"
          registration={register('confirm', { validate: (v) => v === getValues('password') || t('validation.passwordsDiffer') })}
          error={formState.errors.confirm?.message}
        />
        {required.length > 0 && <p>{t('newPassword.attributes')}</p>}
        {required.map((name) => (
          <TextField
            key={name}
            id={`attribute-${name}`}
            label={label(name)}
            registration={register(`attributes.${name}`, { validate: (v) => v.trim() !== '' || t('validation.required', { field: label(name).toLowerCase() }) })}
            error={formState.errors.attributes?.[name]?.message}
          />
        ))}
        <FormActions pending={isPending} label={t('newPassword.submit')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
