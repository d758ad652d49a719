/**
 * The library entry (npm run build:lib): drop-in components, and the machine and Amplify adapter
 * for people who bring their own screens.
 */
import { useActorRef } from '@xstate/react';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { DEFAULT_PASSWORD_POLICY, type OAuthInput, offeredProviders, parseOAuth, parseProviders, type ProviderInput, type RuntimeConfig } from './config';
import { returningInput, roundTripUsed, takeRoundTrip } from './hosted/round-trip';
import { directionOf, I18nContext, type Locale, loadLocale, translator, withCatalog } from './i18n';
import { configureAmplify, createAmplifyAuthApi } from './machine/amplify-auth';
import { createSecurityMachine } from './machine/security-machine';
import type { AuthApi, UserInfo } from './machine/types';
import { AuthProvider } from './react/auth';
import { EmbeddedIn } from './react/embed';
import type { CustomChallengeRenderer } from './custom-challenge';
import { FlowConfigContext } from './react/flow-config';
import { CurrentScreen } from './screens';
import { LoadingScreen } from './screens/Loading';

// Account security (and the QR code library it brings) loads only when a host shows it.
const SecurityPanel = lazy(() => withCatalog(import('./screens/SecurityPanel')).then((m) => ({ default: m.SecurityPanel })));
import { type Theme, themeStyle } from './theme';


export type LibraryConfig = Pick<RuntimeConfig, 'userPoolId' | 'userPoolClientId' | 'appName'> &
  Partial<Pick<RuntimeConfig, 'endpoint' | 'sessionMinutes' | 'mfaRequired' | 'cookieStorage' | 'cookieDomain' | 'signUp' | 'signUpPhone' | 'passwordPolicy' | 'verifyEmail' | 'emailMfa' | 'rememberDevices' | 'passwordless' | 'authFlow'>> & {
    /** Federated sign-in: the pool domain and this page's redirect URLs (`handleReturn: false` when the host completes the return itself). */
    oauth?: OAuthInput;
    providers?: ProviderInput[];
  };

/** The federation settings of a library config, checked as config.json's are. */
function federationOf(config: LibraryConfig) {
  const oauth = config.oauth ? parseOAuth(config.oauth) : undefined;
  return { oauth, providers: parseProviders(config.providers, oauth !== undefined) };
}

interface CommonProps {
  config: LibraryConfig;
  locale?: Locale;
  theme?: Theme;
  /** Bring your own backend calls (tests, or another Cognito client). Defaults to Amplify v6. */
  api?: AuthApi;
  /**
   * Set false when the host app configures Amplify itself (it then includes this pool in its own
   * Amplify.configure). Otherwise the component adds its Auth settings to the host's configuration,
   * keeping the other categories.
   */
  configureAmplify?: boolean;
  /** light (the default), dark, or auto (follows the operating system): the host page decides, not the OS. */
  colorScheme?: 'light' | 'dark' | 'auto';
  /** The level of each screen's heading in the host page (default 2: under the host's own h1). */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

function useApi({ config, api, configureAmplify: configure = true }: CommonProps): AuthApi {
  // Keyed by content: a host that writes the config inline gets a new object on every render.
  const key = JSON.stringify(config);
  return useMemo(() => {
    if (api) return api;
    const { oauth } = federationOf(config);
    if (configure) configureAmplify({ cookieStorage: false, ...config, oauth });
    return createAmplifyAuthApi({ rememberDevices: 'off', ...config, oauth });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `config`
  }, [api, key, configure]);
}

function Frame({
  locale = 'en',
  theme,
  config,
  colorScheme = 'light',
  headingLevel,
  renderCustomChallenge,
  children,
}: {
  locale?: Locale | undefined;
  theme?: Theme | undefined;
  config: LibraryConfig;
  renderCustomChallenge?: CustomChallengeRenderer | undefined;
  colorScheme?: CommonProps['colorScheme'];
  headingLevel?: CommonProps['headingLevel'];
  children: ReactNode;
}) {
  // A language other than English loads on demand (one small chunk); English shows until it has.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    loadLocale(locale).then(
      () => live && setLoaded((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [locale]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loaded` marks the catalog's arrival
  const t = useMemo(() => translator(locale), [locale, loaded]);
  const { passwordPolicy = DEFAULT_PASSWORD_POLICY, signUp = false, signUpPhone, emailMfa = false } = config;
  const providersKey = JSON.stringify(config.providers ?? []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, as above
  const providers = useMemo(() => federationOf(config).providers, [providersKey, config.oauth !== undefined]);
  const flowConfig = useMemo(
    () => ({ passwordPolicy, signUp, signUpPhone, emailMfa, providers, renderCustomChallenge }),
    [passwordPolicy, signUp, signUpPhone, emailMfa, providers, renderCustomChallenge],
  );
  return (
    <I18nContext.Provider value={t}>
      <FlowConfigContext.Provider value={flowConfig}>
        <div className="signin-root" data-color-scheme={colorScheme} style={themeStyle(theme)} lang={locale} dir={directionOf(locale)}>
          <EmbeddedIn headingLevel={headingLevel}>{children}</EmbeddedIn>
        </div>
      </FlowConfigContext.Provider>
    </I18nContext.Provider>
  );
}

export interface SignInProps extends CommonProps {
  onSignedIn?: (user: UserInfo) => void;
  /**
   * The host's own UI for a custom challenge (the pool's auth-challenge triggers), e.g. a CAPTCHA
   * widget: called with the challenge's public parameters and an `answer` function. Return
   * undefined to show the built-in question and answer for that challenge.
   */
  renderCustomChallenge?: CustomChallengeRenderer;
  /** The user deleted their account in account security (they are signed out). */
  onAccountDeleted?: () => void;
  /** 'account' opens account security once the user is signed in. */
  initialScreen?: 'signIn' | 'account';
}

/** The whole sign-in flow (password, SMS, TOTP, MFA set-up, new password) as one component. */
export function SignIn(props: SignInProps) {
  const api = useApi(props);
  const { onSignedIn, onAccountDeleted } = props;
  const host = useMemo(() => ({ ...(onSignedIn ? { onSignedIn } : {}), ...(onAccountDeleted ? { onAccountDeleted } : {}) }), [onSignedIn, onAccountDeleted]);
  const federation = federationOf(props.config);
  // Back from a provider this component sent the user to (unless the host completes returns itself).
  const [roundTrip] = useState(() => (federation.oauth?.handleReturn ? takeRoundTrip(federation.oauth) : {}));
  // Once: a SignIn mounted again later (another route of the host) doesn't replay the return.
  useEffect(() => roundTripUsed(), []);
  return (
    <Frame
      locale={props.locale}
      theme={props.theme}
      config={props.config}
      colorScheme={props.colorScheme}
      headingLevel={props.headingLevel}
      renderCustomChallenge={props.renderCustomChallenge}
    >
      <AuthProvider
        api={api}
        host={host}
        input={{
          codeValidityMs: (props.config.sessionMinutes ?? 3) * 60_000,
          mfaRequired: props.config.mfaRequired ?? false,
          openAccount: props.initialScreen === 'account',
          signUpEnabled: props.config.signUp ?? false,
          verifyEmail: props.config.verifyEmail ?? true,
          offerRememberDevice: props.config.rememberDevices === 'onUserPrompt',
          passwordless: props.config.passwordless ?? false,
          usernameOnly: props.config.authFlow === 'customWithoutSrp',
          providers: offeredProviders(federation),
          ...returningInput(roundTrip),
        }}
      >
        <CurrentScreen />
      </AuthProvider>
    </Frame>
  );
}

export interface AccountSecurityProps extends CommonProps {
  onClose?: () => void;
  /** The user deleted their account (Amplify signed them out). */
  onAccountDeleted?: () => void;
}

/** Account security for a user who is already signed in (in the host app's Amplify session). */
export function AccountSecurity(props: AccountSecurityProps) {
  const api = useApi(props);
  const machine = useMemo(() => createSecurityMachine(api), [api]);
  const child = useActorRef(machine, { input: { mfaRequired: props.config.mfaRequired ?? false } });
  const { onAccountDeleted } = props;
  useEffect(() => {
    const subscription = child.subscribe((s) => {
      if (s.status === 'done' && s.output?.outcome === 'accountDeleted') onAccountDeleted?.();
    });
    return () => subscription.unsubscribe();
  }, [child, onAccountDeleted]);
  return (
    <Frame locale={props.locale} theme={props.theme} config={props.config} colorScheme={props.colorScheme} headingLevel={props.headingLevel}>
      <Suspense fallback={<LoadingScreen />}>
        <SecurityPanel child={child} onClose={props.onClose} />
      </Suspense>
    </Frame>
  );
}

export { createAuthMachine, type AuthContext, type AuthEvent, type AuthHost, type AuthMachineInput, type ReturnTarget } from './machine/auth-machine';
export { createSecurityMachine, type SecurityContext, type SecurityEvent } from './machine/security-machine';
export { configureAmplify, createAmplifyAuthApi, totpUri } from './machine/amplify-auth';
export { toAuthError } from './machine/errors';
export type { AuthApi, AuthError, AuthErrorKind, MfaSettings, MfaType, SecurityState, SignInResult, UserInfo } from './machine/types';
export { LOCALES, overrideMessages, translator, type Locale, type MessageKey } from './i18n';
export type { Theme, ThemeName } from './theme';
export type { CustomChallengeProps, CustomChallengeRenderer } from './custom-challenge';
