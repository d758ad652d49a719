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
 * A screen loaded on demand: lazy until its chunk has come, then the component itself. A lazy
 * component suspends on its first render even with its chunk in hand, and React holds a revealed
 * Suspense boundary back for 300 ms: that was 300 ms between the answer to the sign-in and the
 * signed-in screen. `peek`: the component if it came another way (the later screens' prefetch).
 */
function onDemand(load: () => Promise<ComponentType>, peek: () => ComponentType | undefined = () => undefined): ComponentType {
  let own: ComponentType | undefined;
  const Lazy = lazy(() => load().then((component) => ({ default: (own = component) })));
  return function OnDemandScreen() {
    const Loaded = own ?? peek();
    return Loaded ? <Loaded /> : <Lazy />;
  };
}
/** A later screen: fetched while the user types (below). */
const later = (name: keyof LaterScreens) => onDemand(() => laterScreens().then((m) => m[name]), () => laterLoaded?.[name]);
/** A screen of its own chunk, with the English it may fall back to. */
const ownChunk = (load: () => Promise<{ default: ComponentType }>) => onDemand(() => withCatalog(load()).then((m) => m.default));
const TotpSetupScreen = ownChunk(() => import('./TotpSetup'));
const AccountSecurityScreen = ownChunk(() => import('./AccountSecurity'));
const RecoveryScreen = ownChunk(() => import('./Recovery'));
const SignUpScreen = ownChunk(() => import('./SignUp'));
const FederationScreen = ownChunk(() => import('./Federation'));
const VerifyEmailScreen = ownChunk(() => import('./VerifyEmail'));
const CustomChallengeScreen = ownChunk(() => import('./CustomChallenge'));
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
  // Once the first screen is up, fetch the next ones so moving on doesn't wait for the network: at
  // once for a sign-in pressed before the app came (already under way: machine/early-sign-in.ts).
  const soon = takeover?.submit === true;
  useEffect(() => {
    const id = setTimeout(() => void laterScreens().catch(() => {}), soon ? 0 : 200);
    return () => clearTimeout(id);
  }, [soon]);
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Component />
    </Suspense>
  );
}
