import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { ProviderButtons } from '../components/ProviderButtons';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { UsernameField, useRequired } from '../components/UsernameField';
import { useT } from '../i18n';
import { type ProviderOption, ssoProviderFor } from '../machine/federation';
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
  /** Identity providers: buttons under the form, and e-mail domains that go to single sign-on. */
  providers?: readonly ProviderOption[];
  onProvider?: (provider: string) => void;
}

/** The provider whose e-mail domain the username has: the form then asks for no password and says where it goes. */
function useSso(username: string, providers: readonly ProviderOption[]): ProviderOption | undefined {
  return ssoProviderFor(username, providers)?.provider;
}

/**
 * The username as typed, only where an e-mail domain can lead to single sign-on: reading it makes
 * the form render again at every key, which a slow phone feels while typing.
 */
const watchedUsername = (watch: (name: 'username') => string, providers: readonly ProviderOption[]) =>
  providers.some((p) => p.emailDomains.length > 0) ? watch('username') : '';

/** The sign-in form itself, without the machine: the app renders it, and so does the build (prerender.tsx). */
export function SignInForm({ error, notice, pending, defaults, onSignIn, onForgot, onSignUp, prerendered = false, submitOnMount = false, providers = [], onProvider }: SignInFormProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, formState, getValues, watch } = useForm<{ username: string; password: string }>({ defaultValues: defaults });
  const required = useRequired();
  const sso = useSso(watchedUsername(watch, providers), providers);
  useEffect(() => {
    if (submitOnMount) form.current?.requestSubmit();
  }, [submitOnMount]);
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={error} notice={notice} />
      <form ref={form} noValidate {...(prerendered ? { 'data-prerendered': '' } : {})} onSubmit={handleSubmit((credentials) => onSignIn?.(credentials))}>
        <UsernameField id="username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        {/* An e-mail of a single sign-on domain: no password here, its provider asks for it. */}
        {!sso && (
          <PasswordField
            id="password"
            label={t('field.password')}
            autoComplete="current-password"
            registration={register('password', { shouldUnregister: true, ...required(t('field.password')) })}
            error={formState.errors.password?.message}
          />
        )}
        <FormActions pending={pending} label={sso ? t('federation.continueWith', { provider: sso.label }) : t('signIn.submit')} inert={prerendered}>
          {!sso && <LinkButton onClick={() => onForgot?.(getValues('username'))}>{t('signIn.forgot')}</LinkButton>}
        </FormActions>
      </form>
      {onProvider && <ProviderButtons providers={providers} pending={pending} onChoose={onProvider} />}
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
export function UsernameFirstForm({
  error,
  notice,
  pending,
  defaultUsername,
  onContinue,
  onSignUp,
  providers = [],
  onProvider,
  prerendered = false,
  submitOnMount = false,
}: {
  error?: AuthError | undefined;
  notice?: string | undefined;
  pending: boolean;
  defaultUsername: string;
  onContinue: (username: string) => void;
  onSignUp?: (() => void) | undefined;
  providers?: readonly ProviderOption[];
  onProvider?: (provider: string) => void;
  /** Rendered at build time (prerender.tsx): typeable, not submittable until the app takes over. */
  prerendered?: boolean;
  /** "Continue" was pressed on the prerendered form: continue once mounted. */
  submitOnMount?: boolean;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { register, handleSubmit, formState, watch } = useForm<{ username: string }>({ defaultValues: { username: defaultUsername } });
  const required = useRequired();
  const sso = useSso(watchedUsername(watch, providers), providers);
  useEffect(() => {
    if (submitOnMount) form.current?.requestSubmit();
  }, [submitOnMount]);
  return (
    <Screen title={t('signIn.title')}>
      <Messages error={error} notice={notice} />
      <form ref={form} noValidate {...(prerendered ? { 'data-prerendered': '' } : {})} onSubmit={handleSubmit(({ username }) => onContinue(username))}>
        <UsernameField id="username" registration={register('username', required(t('field.username')))} error={formState.errors.username?.message} />
        <FormActions pending={pending} label={sso ? t('federation.continueWith', { provider: sso.label }) : t('common.continue')} inert={prerendered} />
      </form>
      {onProvider && <ProviderButtons providers={providers} pending={pending} onChoose={onProvider} />}
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
    providers: context.providers,
    onProvider: (provider: string) => send({ type: 'SIGN_IN_WITH_PROVIDER', provider }),
  };
  // Choice-based sign-in, or custom challenges without a password: the username first. The prerendered
  // page has the password form; the username typed there carries over.
  return context.passwordless || context.usernameOnly ? (
    <UsernameFirstForm
      {...common}
      defaultUsername={first?.values.username ?? context.username}
      submitOnMount={first?.submit ?? false}
      onContinue={(username) => send({ type: 'SUBMIT_USERNAME', username })}
    />
  ) : (
    <SignInForm
      {...common}
      defaults={first?.values ?? { username: context.username, password: '' }}
      submitOnMount={first?.submit ?? false}
      onSignIn={({ username, password }) => send({ type: 'SUBMIT_SIGN_IN', username, password: password ?? '' })}
      onForgot={(username) => send({ type: 'FORGOT_PASSWORD', username })}
    />
  );
}
