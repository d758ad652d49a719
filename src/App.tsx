import { useMemo } from 'react';
import { offeredProviders, type RuntimeConfig } from './config';
import { leave } from './hosted/leave';
import { routeAfterRoundTrip } from './hosted/route';
import { returningInput, type RoundTrip } from './hosted/round-trip';
import { directionOf, I18nContext, type Locale, translator } from './i18n';
import type { AuthApi } from './machine/types';
import { useTakeover } from './react/takeover';
import { AuthProvider } from './react/auth';
import { FlowConfigContext } from './react/flow-config';
import { CurrentScreen } from './screens';
import { RefusedRequestScreen } from './screens/RefusedRequest';

/** The standalone app: the sign-in site itself, including the hosted /login and /logout pages. */
export function App({ config, locale, api, roundTrip = {} }: { config: RuntimeConfig; locale: Locale; api: AuthApi; roundTrip?: RoundTrip }) {
  const takeover = useTakeover();
  const route = useMemo(() => routeAfterRoundTrip(roundTrip, window.location, config), [roundTrip, config]);
  const providers = offeredProviders(config);
  const t = useMemo(() => translator(locale), [locale]);
  const host = useMemo(() => ({ leave }), []);
  const flowConfig = useMemo(
    () => ({ passwordPolicy: config.passwordPolicy, signUp: config.signUp, signUpPhone: config.signUpPhone, emailMfa: config.emailMfa, providers: config.providers }),
    [config],
  );
  if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
  if (document.documentElement.dir !== directionOf(locale)) document.documentElement.dir = directionOf(locale);
  return (
    <I18nContext.Provider value={t}>
      <div className="signin-page" data-color-scheme="auto">
        <div className="app signin-root">
          <header className="brand">{config.appName}</header>
          {route.kind === 'refused' ? (
            <RefusedRequestScreen reason={route.reason} />
          ) : (
            <AuthProvider
              api={api}
              host={host}
              input={{
                codeValidityMs: config.sessionMinutes * 60_000,
                mfaRequired: config.mfaRequired ?? false,
                ...(route.kind !== 'app' && route.returnTo ? { returnTo: route.returnTo } : {}),
                ...(route.kind === 'logout' ? { logout: { global: route.global } } : {}),
                ...(route.kind === 'deleteAccount' ? { deleteAccount: true } : {}),
                // /login with nobody to return to: a signed-in user lands on account security.
                openAccount: route.kind === 'login' && !route.returnTo,
                signUpEnabled: config.signUp,
                verifyEmail: config.verifyEmail,
                offerRememberDevice: config.rememberDevices === 'onUserPrompt',
                passwordless: config.passwordless,
                usernameOnly: config.authFlow === 'customWithoutSrp',
                ...(route.kind === 'login' && route.flow ? { initialFlow: route.flow } : {}),
                ...(takeover?.values.username ? { username: takeover.values.username } : {}),
                providers,
                ...returningInput(roundTrip),
              }}
            >
              <FlowConfigContext.Provider value={flowConfig}>
                <CurrentScreen />
              </FlowConfigContext.Provider>
            </AuthProvider>
          )}
        </div>
      </div>
    </I18nContext.Provider>
  );
}
