import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { UsernameField, useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import type { AuthError } from '../machine/types';
import { useAuth } from '../react/auth';
import { useFlowConfig } from '../react/flow-config';
import { useTakeover } from '../react/takeover';

export interface SignInFormProps {
  error?: AuthError | undefined;
  notice?: string | undefined;
  pending: boolean;
  defaults: { username: string; password: string };
  onSignIn?: (credentials: { username: string; password: string }) => void;
  onForgot?: (username: string) => void;
  onSignUp?: (() => void) | undefined;
  /** Rendered at build time into index.html: typeable, but not submittable until the app takes over. */
  prerendered?: boolean;
  /** Submit once mounted: "Sign in" was pressed on the prerendered form. */
  submitOnMount?: boolean;
}

/** The sign-in form itself, without the machine: the app renders it, and so does the build (prerender.tsx). */
export function SignInForm({ error, notice, pending, defaults, onSignIn, onForgot, onSignUp, prerendered = false, submitOnMount = false }: SignInFormProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, formState, getValues } = useForm<{ username: string; password: string }>({ defaultValues: defaults });
  const required = useRequired();
  useEffect(() => {
    if (submitOnMount) form.current?.requestSubmit();
  }, [submitOnMount]);
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={error} notice={notice} />
      <form ref={form} noValidate {...(prerendered ? { 'data-prerendered': '' } : {})} onSubmit={handleSubmit((credentials) => onSignIn?.(credentials))}>
        <UsernameField id="username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        <PasswordField
          id="password"
          label={t('field.password')}
          autoComplete="current-password"
          registration={register('password', required(t('field.password')))}
          error={formState.errors.password?.message}
        />
        <FormActions pending={pending} label={t('signIn.submit')} inert={prerendered}>
          <LinkButton onClick={() => onForgot?.(getValues('username'))}>{t('signIn.forgot')}</LinkButton>
        </FormActions>
      </form>
      <SignUpLink onSignUp={onSignUp} />
    </Screen>
  );
}

/** "Create an account", under either sign-in form, when the pool lets users sign up. */
function SignUpLink({ onSignUp }: { onSignUp?: (() => void) | undefined }) {
  const t = useT();
  return onSignUp ? (
    <div className="actions">
      <LinkButton onClick={onSignUp}>{t('signIn.create')}</LinkButton>
    </div>
  ) : null;
}

/** Choice-based sign-in's first step: the username alone (the factors come next). */
export function UsernameFirstForm({ error, notice, pending, defaultUsername, onContinue, onSignUp }: {
  error?: AuthError | undefined;
  notice?: string | undefined;
  pending: boolean;
  defaultUsername: string;
  onContinue: (username: string) => void;
  onSignUp?: (() => void) | undefined;
}) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ username: string }>({ defaultValues: { username: defaultUsername } });
  const required = useRequired();
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={error} notice={notice} />
      <form noValidate onSubmit={handleSubmit(({ username }) => onContinue(username))}>
        <UsernameField id="username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        <FormActions pending={pending} label={t('common.continue')} />
      </form>
      <SignUpLink onSignUp={onSignUp} />
    </Screen>
  );
}

export function SignInScreen() {
  const t = useT();
  const { screen, context, isPending, send } = useAuth();
  const { signUp } = useFlowConfig();
  const takeover = useTakeover();
  // Taken over from the prerendered page: what was typed stays, and a sign-in asked for goes ahead.
  // While the session is being restored the form stays usable: the machine holds a sign-in until then.
  const first = useRef(takeover && screen === 'restoring' ? takeover : undefined).current;
  const common = {
    error: context.error,
    notice: context.notice && t(`notice.${context.notice}`),
    pending: isPending && screen !== 'restoring',
    onSignUp: signUp ? () => send({ type: 'SIGN_UP' }) : undefined,
  };
  // Choice-based sign-in: the prerendered page has the password form; the username typed there carries over.
  return context.passwordless ? (
    <UsernameFirstForm {...common} defaultUsername={first?.values.username ?? context.username} onContinue={(username) => send({ type: 'SUBMIT_USERNAME', username })} />
  ) : (
    <SignInForm
      {...common}
      defaults={first?.values ?? { username: context.username, password: '' }}
      submitOnMount={first?.submit ?? false}
      onSignIn={({ username, password }) => send({ type: 'SUBMIT_SIGN_IN', username, password })}
      onForgot={(username) => send({ type: 'FORGOT_PASSWORD', username })}
    />
  );
}
