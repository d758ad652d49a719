import { useForm } from 'react-hook-form';
import { CodeForm } from '../components/CodeForm';
import { FormActions, LinkButton, SecondaryButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { NewPasswordField, useNewPasswordRule } from '../components/NewPasswordField';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { UsernameField, useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import { type SignUpRef, useAuth, useChild, useFlowState } from '../react/auth';
import { useFlowConfig } from '../react/flow-config';
import { CodeDeliveryText } from './CodeDeliveryText';
import { EMAIL, E164, normalizePhone } from './ContactPanel';
import { LoadingScreen } from './Loading';

/** Sign-up (sign-up-machine.ts): the form, then the code; also confirming an unconfirmed account. */
export default function SignUpScreen() {
  const child = useChild('signUp');
  const { send } = useAuth();
  if (!child) return <LoadingScreen />;
  return <SignUpPanel child={child} onCancel={() => send({ type: 'CANCEL' })} />;
}

function SignUpPanel({ child, onCancel }: { child: SignUpRef; onCancel: () => void }) {
  const { matches } = useFlowState(child);
  if (matches('form') || matches('submitting')) return <SignUpForm child={child} onCancel={onCancel} />;
  return <ConfirmSignUp child={child} onCancel={onCancel} />;
}

interface SignUpFields {
  username: string;
  email: string;
  phone: string;
  password: string;
}

function SignUpForm({ child, onCancel }: { child: SignUpRef; onCancel: () => void }) {
  const t = useT();
  const rule = useNewPasswordRule();
  const { signUpPhone } = useFlowConfig();
  const { context, isPending, send } = useFlowState(child);
  const { register, handleSubmit, formState, watch } = useForm<SignUpFields>({ defaultValues: { username: context.username, email: '', phone: '', password: '' } });
  const required = useRequired();
  const submit = ({ username, email, phone, password }: SignUpFields) =>
    send({ type: 'SUBMIT_SIGN_UP', username, email, password, ...(normalizePhone(phone) ? { phoneNumber: normalizePhone(phone) } : {}) });
  return (
    <Screen title={t('signUp.title')}>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(submit)}>
        <UsernameField id="signup-username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        <TextField
          id="signup-email"
          label={t('field.email')}
          type="email"
          autoComplete="email"
          registration={register('email', { validate: (v) => EMAIL.test(v.trim()) || t('validation.email') })}
          error={formState.errors.email?.message}
        />
        {signUpPhone && (
          <TextField
            id="signup-phone"
            label={signUpPhone === 'required' ? t('field.phone') : t('field.phoneOptional')}
            type="tel"
            autoComplete="tel"
            placeholder="+12065550100"
            registration={register('phone', { validate: (v) => (signUpPhone === 'optional' && v.trim() === '') || E164.test(normalizePhone(v)) || t('validation.phone') })}
            error={formState.errors.phone?.message}
          />
        )}
        <NewPasswordField id="signup-password" label={t('field.password')} registration={register('password', rule)} error={formState.errors.password?.message} value={watch('password')} />
        <FormActions pending={isPending} label={t('signUp.submit')}>
          <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}

function ConfirmSignUp({ child, onCancel }: { child: SignUpRef; onCancel: () => void }) {
  const t = useT();
  const { context, isPending, send } = useFlowState(child);
  return (
    <Screen title={t('confirmSignUp.title')}>
      <p>{context.confirmOnly ? t('confirmSignUp.unconfirmed') : t('confirmSignUp.help')}</p>
      {context.delivery && <CodeDeliveryText delivery={context.delivery} />}
      <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
      <CodeForm pending={isPending} submitLabel={t('confirmSignUp.submit')} onCode={(code) => send({ type: 'SUBMIT_CODE', code })}>
        <SecondaryButton pending={isPending} onClick={() => send({ type: 'RESEND' })}>
          {t('confirmSignUp.resend')}
        </SecondaryButton>
        <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
      </CodeForm>
    </Screen>
  );
}
