import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { type ScreenName, useAuth } from '../react/auth';
import { LoadingScreen } from './Loading';
import { SignInScreen } from './SignIn';
import { useTakeover } from '../react/takeover';
import { withCatalog } from '../i18n';

// The first screen is sign-in: everything after it loads on demand (fetched while the user types,
// see below), and TOTP setup and account security, which bring qrcode.react, only when opened.
type LaterScreens = typeof import('./later-screens');
/** The later screens once fetched: rendered directly from then on. */
let laterLoaded: LaterScreens | undefined;
const laterScreens = () =>
  withCatalog(import('./later-screens')).then((m) => {
    laterLoaded = m;
    return m;
  });
/**
 * A later screen: lazy until its chunk has come (fetched while the user types, below), then the
 * component itself — a lazy one suspends on its first render even with its chunk in hand, and React
 * holds a revealed Suspense boundary back for 300 ms: that would be 300 ms between the answer to
 * the sign-in and the signed-in screen.
 */
const later = (name: keyof LaterScreens): ComponentType => {
  const Lazy = lazy(() => laterScreens().then((m) => ({ default: m[name] })));
  return function LaterScreen() {
    const Loaded = laterLoaded?.[name];
    return Loaded ? <Loaded /> : <Lazy />;
  };
};
const TotpSetupScreen = lazy(() => withCatalog(import('./TotpSetup')));
const AccountSecurityScreen = lazy(() => withCatalog(import('./AccountSecurity')));
const RecoveryScreen = lazy(() => withCatalog(import('./Recovery')));
const SignUpScreen = lazy(() => withCatalog(import('./SignUp')));
const FederationScreen = lazy(() => withCatalog(import('./Federation')));
const VerifyEmailScreen = lazy(() => withCatalog(import('./VerifyEmail')));
const CustomChallengeScreen = lazy(() => withCatalog(import('./CustomChallenge')));
const SmsCodeScreen = later('SmsCodeScreen');
const TotpCodeScreen = later('TotpCodeScreen');
const SelectMfaScreen = later('SelectMfaScreen');
const SelectMfaSetupScreen = later('SelectMfaSetupScreen');
const EmailCodeScreen = later('EmailCodeScreen');
const EmailSetupScreen = later('EmailSetupScreen');
const SelectFirstFactorScreen = later('SelectFirstFactorScreen');
const PasswordFactorScreen = later('PasswordFactorScreen');
const NewPasswordScreen = later('NewPasswordScreen');
const UnsupportedScreen = later('UnsupportedScreen');
const SignedInScreen = later('SignedInScreen');
const UserLoadFailedScreen = later('UserLoadFailedScreen');
const LeavingScreen = later('LeavingScreen');

/** One screen per machine state; the compiler checks that every state has one. */
const SCREENS: Record<ScreenName, ComponentType> = {
  starting: LoadingScreen,
  restoring: LoadingScreen,
  routing: LoadingScreen,
  loadingUser: LoadingScreen,
  resuming: LoadingScreen,
  autoSigningIn: LoadingScreen,
  rechoosing: LoadingScreen,
  rememberingDevice: LoadingScreen,
  recovery: RecoveryScreen,
  signUp: SignUpScreen,
  federation: FederationScreen,
  verifyEmail: VerifyEmailScreen,
  signIn: SignInScreen,
  smsCode: SmsCodeScreen,
  emailCode: EmailCodeScreen,
  selectMfaSetup: SelectMfaSetupScreen,
  emailSetup: EmailSetupScreen,
  selectFirstFactor: SelectFirstFactorScreen,
  passwordFactor: PasswordFactorScreen,
  totpCode: TotpCodeScreen,
  selectMfa: SelectMfaScreen,
  totpSetup: TotpSetupScreen,
  newPassword: NewPasswordScreen,
  customChallenge: CustomChallengeScreen,
  unsupported: UnsupportedScreen,
  home: SignedInScreen,
  account: AccountSecurityScreen,
  leaving: LeavingScreen,
  userLoadFailed: UserLoadFailedScreen,
};

export function CurrentScreen() {
  const { screen, context } = useAuth();
  // Taken over from the prerendered page: the sign-in form stays while the session is restored —
  // on the sign-in routes only. Hosted /forgot-password and /signup open their own form next (with
  // the username typed so far); a sign-in form shown meanwhile would take typing they then lose.
  const takeover = useTakeover();
  const Component = screen === 'restoring' && takeover && !context.initialFlow ? SignInScreen : SCREENS[screen];
  // Once the first screen is up, fetch the next ones so moving on doesn't wait for the network.
  useEffect(() => {
    const id = setTimeout(() => void laterScreens().catch(() => {}), 200);
    return () => clearTimeout(id);
  }, []);
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Component />
    </Suspense>
  );
}
