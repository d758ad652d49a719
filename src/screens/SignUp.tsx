import { useForm } from 'react-hook-form';
import { CodeForm } from '../components/CodeForm';
import type { ReactNode } from 'react';
import { FormActions, LinkButton, SecondaryButton } from '../components/FormActions';
import { ProviderButtons } from '../components/ProviderButtons';
import { SsoHint, useSsoMatch } from '../components/SsoHint';
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
  const { send, context } = useAuth();
  if (!child) return <LoadingScreen />;
  // An account through an identity provider is made by signing in with it.
  const providers = <ProviderButtons providers={context.providers} pending={false} onChoose={(provider) => send({ type: 'SIGN_IN_WITH_PROVIDER', provider })} />;
  return <SignUpPanel child={child} onCancel={() => send({ type: 'CANCEL' })} providers={providers} />;
}

function SignUpPanel({ child, onCancel, providers }: { child: SignUpRef; onCancel: () => void; providers: ReactNode }) {
  const { matches } = useFlowState(child);
  if (matches('form') || matches('submitting')) return <SignUpForm child={child} onCancel={onCancel} providers={providers} />;
  return <ConfirmSignUp child={child} onCancel={onCancel} />;
}

interface SignUpFields {
  username: string;
  email: string;
  phone: string;
  password: string;
}

function SignUpForm({ child, onCancel, providers }: { child: SignUpRef; onCancel: () => void; providers: ReactNode }) {
  const t = useT();
  const rule = useNewPasswordRule();
  const { signUpPhone } = useFlowConfig();
  const { context, isPending, send } = useFlowState(child);
  const { register, handleSubmit, formState, watch } = useForm<SignUpFields>({ defaultValues: { username: context.username, email: '', phone: '', password: '' } });
  const required = useRequired();
  const auth = useAuth();
  // An e-mail of a single sign-on domain: the account is the provider's, nothing to make here.
  const sso = useSsoMatch(watch('email'));
  const submit = ({ username, email, phone, password }: SignUpFields) =>
    sso
      ? auth.send({ type: 'SIGN_IN_WITH_SSO', email })
      : send({ type: 'SUBMIT_SIGN_UP', username, email, password, ...(normalizePhone(phone) ? { phoneNumber: normalizePhone(phone) } : {}) });
  return (
    <Screen title={t('signUp.title')}>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(submit)}>
        <UsernameField id="signup-username" registration={register('username', sso ? {} : required(t('field.username')))} error={formState.errors.username?.message} />
        <TextField
          id="signup-email"
          label={t('field.email')}
          type="email"
          autoComplete="email"
          registration={register('email', { validate: (v) => EMAIL.test(v.trim()) || t('validation.email') })}
          error={formState.errors.email?.message}
        />
        {sso && <SsoHint match={sso} />}
        {signUpPhone && !sso && (
          <TextField
            id="signup-phone"
            label={signUpPhone === 'required' ? t('field.phone') : t('field.phoneOptional')}
            type="tel"
            autoComplete="tel"
            placeholder="+12065550100"
            registration={register('phone', { shouldUnregister: true, validate: (v) => (signUpPhone === 'optional' && v.trim() === '') || E164.test(normalizePhone(v)) || t('validation.phone') })}
            error={formState.errors.phone?.message}
          />
        )}
        {!sso && (
          <NewPasswordField id="signup-password" label={t('field.password')} registration={register('password', { shouldUnregister: true, ...rule })} error={formState.errors.password?.message} value={watch('password')} />
        )}
        <FormActions pending={isPending} label={sso ? t('federation.continueWith', { provider: sso.provider.label }) : t('signUp.submit')}>
          <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
      {providers}
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
