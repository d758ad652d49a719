/**
 * The one module that talks to Amplify v6 (`aws-amplify/auth`). It configures Amplify from the
 * runtime config and turns Amplify's results into the machine's types (types.ts).
 */
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { CookieStorage, Hub } from 'aws-amplify/utils';
import {
  associateWebAuthnCredential,
  autoSignIn,
  deleteWebAuthnCredential,
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  fetchDevices,
  fetchMFAPreference,
  forgetDevice,
  fetchUserAttributes,
  getCurrentUser,
  listWebAuthnCredentials,
  rememberDevice,
  resendSignUpCode,
  resetPassword,
  sendUserAttributeVerificationCode,
  setUpTOTP,
  signIn,
  signInWithRedirect,
  signOut,
  type SignInOutput,
  signUp,
  updateMFAPreference,
  updatePassword,
  updateUserAttribute,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import type { OAuthConfig, RuntimeConfig } from '../config';
import { dropSignOut, dropTicket, saveSignOut, saveTicket } from '../hosted/round-trip';
import { toAuthError } from './errors';
import { federationOf } from './federation';
import type { AuthApi, CodeDelivery, ReturnTarget, DeviceInfo, FirstFactor, MfaSettings, MfaType, PasskeyInfo, SignInResult, UserInfo } from './types';

/** The first factor last chosen on this browser (not a secret): offered first next time. */
const LAST_FACTOR = 'signin.lastFirstFactor';
const FIRST_FACTORS: FirstFactor[] = ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD'];

function lastFactor(): FirstFactor | undefined {
  try {
    const value = localStorage.getItem(LAST_FACTOR);
    return FIRST_FACTORS.includes(value as FirstFactor) ? (value as FirstFactor) : undefined;
  } catch {
    return undefined;
  }
}

/** Cognito's AvailableChallenges as the app offers them: PASSWORD and PASSWORD_SRP are one choice; the last used first. */
function toFirstFactors(challenges: readonly string[] | undefined): FirstFactor[] {
  const offered = FIRST_FACTORS.filter((f) => challenges?.includes(f) || (f === 'PASSWORD' && challenges?.includes('PASSWORD_SRP')));
  const last = lastFactor();
  return last && offered.includes(last) ? [last, ...offered.filter((f) => f !== last)] : offered;
}

/** Set while a challenge is open, so a reload can say the sign-in was interrupted. Holds no secret. */
const CHALLENGE_MARKER = 'signin.challengeOpen';

/** The configuration configureAmplify last applied. */
let configuredKey: string | undefined;

/** The identity provider this browser's session came through (its label in the app): not a secret. */
const SIGNED_IN_WITH = 'signin.signedInWith';

function signedInWith(): string | undefined {
  try {
    return localStorage.getItem(SIGNED_IN_WITH) ?? undefined;
  } catch {
    return undefined;
  }
}

function setSignedInWith(provider: string | undefined): void {
  try {
    if (provider) localStorage.setItem(SIGNED_IN_WITH, provider);
    else localStorage.removeItem(SIGNED_IN_WITH);
  } catch {
    // Only for saying "Signed in with …".
  }
}

/**
 * Amplify completes a provider's return on its own once configured with OAuth, and says how it went
 * only on its Hub: listened to before configure() starts it, and kept for completeFederatedSignIn.
 */
let redirectOutcome: Promise<void> | undefined;

function watchRedirect(): Promise<void> {
  if (!redirectOutcome) {
    redirectOutcome = new Promise<void>((resolve, reject) => {
      const stop = Hub.listen('auth', ({ payload }) => {
        if (payload.event === 'signInWithRedirect') {
          stop();
          resolve();
        } else if (payload.event === 'signInWithRedirect_failure') {
          stop();
          reject((payload.data as { error?: unknown } | undefined)?.error ?? new Error('The sign-in with the identity provider failed.'));
        }
      });
    });
    // Nobody may ask (a host that completes returns itself): that must not count as unhandled.
    redirectOutcome.catch(() => {});
  }
  return redirectOutcome;
}

/**
 * Amplify's flag for a sign-in sent to the domain (its storage key since v6.0). Amplify ends such a
 * flow when it is configured, even on a page that is no return (the person stopped the trip and
 * went elsewhere); a session read meanwhile can park until the flow's five-minute deadline (the
 * deadline re-written as the flow is cleared: amplify-js issue 14941, PR 14942). So the first read
 * waits for Amplify to end it.
 */
const flowKey = (clientId: string, name: string) => `CognitoIdentityServiceProvider.${clientId}.${name}`;
const oauthInFlight = (clientId: string) => {
  try {
    return localStorage.getItem(flowKey(clientId, 'inflightOAuth')) === 'true';
  } catch {
    return false;
  }
};

/**
 * Ends the flow this page started and stopped, as Amplify's clearOAuthInflightData does: left
 * in flight, its next signInWithRedirect would wait for the flow's deadline (five minutes) first.
 */
function clearStoppedFlow(): void {
  const clientId = Amplify.getConfig().Auth?.Cognito.userPoolClientId;
  if (!clientId) return;
  try {
    for (const name of ['inflightOAuth', 'inflightOAuthDeadline', 'oauthPKCE', 'oauthState']) localStorage.removeItem(flowKey(clientId, name));
  } catch {
    // Storage unavailable: Amplify kept nothing there either.
  }
}
let staleFlowAtStart = false;

/**
 * Nobody is signed in on this device and no federated sign-in is in flight (both read locally): a
 * sign-in may start before the app has restored the session (machine/early-sign-in.ts).
 */
export async function signInMayStart(): Promise<boolean> {
  if (staleFlowAtStart) return false;
  return getCurrentUser().then(
    () => false,
    () => true,
  );
}

/** Amplify has ended a flow it found in flight when configured (or 3 s have passed). */
async function staleFlowEnded(): Promise<void> {
  if (!staleFlowAtStart) return;
  staleFlowAtStart = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([watchRedirect().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, 3_000)))]);
  clearTimeout(timer);
}

/** Resolves true once the page starts to unload, or false if it is still here after `ms`. */
const leavesWithin = (ms: number) =>
  new Promise<boolean>((resolve) => {
    const onHide = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      window.removeEventListener('pagehide', onHide);
      resolve(false);
    }, ms);
    window.addEventListener('pagehide', onHide, { once: true });
  });

/** Resolves when this page is shown again from the browser's back-forward cache (it had left for the provider or the domain). */
const shownAgain = () =>
  new Promise<void>((resolve) => {
    const onShow = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      window.removeEventListener('pageshow', onShow);
      resolve();
    };
    window.addEventListener('pageshow', onShow);
  });

const isLocalHost = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/**
 * Configures Amplify's Auth category for this pool, keeping every other category the host app
 * configured (API, Storage, …), and only when something changed: a host that re-renders with an
 * inline config object must not reconfigure Amplify each time.
 */
export function configureAmplify(config: Pick<RuntimeConfig, 'userPoolId' | 'userPoolClientId' | 'endpoint' | 'cookieStorage' | 'cookieDomain'> & { oauth?: OAuthConfig | undefined }): void {
  const cognito = {
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    ...(config.endpoint ? { userPoolEndpoint: config.endpoint } : {}),
    ...(config.oauth ? { loginWith: { oauth: oauthSettings(config.oauth) } } : {}),
  };
  const key = JSON.stringify([cognito, config.cookieStorage ?? false, config.cookieDomain ?? null]);
  if (key === configuredKey) return;
  configuredKey = key;
  if (config.oauth?.handleReturn) {
    staleFlowAtStart = config.oauth !== undefined && oauthInFlight(config.userPoolClientId);
    watchRedirect();
  }
  // Auth is this component's; a host whose Auth config has more (an identity pool, OAuth) configures
  // Amplify itself and passes configureAmplify={false}.
  Amplify.configure({ ...Amplify.getConfig(), Auth: { Cognito: cognito } });
  if (config.cookieStorage) {
    // Set after configure(), which resets the token storage to localStorage. Shared with relying
    // apps on the same (parent) domain; Secure + SameSite=Lax except on a developer's localhost (no TLS).
    const local = isLocalHost(window.location.hostname);
    cognitoUserPoolsTokenProvider.setKeyValueStorage(
      new CookieStorage({ ...(config.cookieDomain ? { domain: config.cookieDomain } : {}), path: '/', expires: 30, secure: !local, sameSite: 'lax' }),
    );
  }
}

/** Amplify's OAuth settings: the pool domain, scopes and this app's redirect URLs, code flow (PKCE). */
const oauthSettings = (oauth: OAuthConfig) => ({
  domain: oauth.domain,
  scopes: oauth.scopes,
  redirectSignIn: oauth.redirectSignIn,
  redirectSignOut: oauth.redirectSignOut,
  responseType: 'code' as const,
});

/** otpauth URI per the Key Uri Format: issuer = app name, account = username. */
export function totpUri(appName: string, account: string, secret: string): string {
  const issuer = encodeURIComponent(appName);
  return `otpauth://totp/${issuer}:${encodeURIComponent(account)}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
}

const toMfaTypes = (types: readonly string[] | undefined): MfaType[] => (types ?? []).filter((t): t is MfaType => t === 'SMS' || t === 'TOTP' || t === 'EMAIL');

function toResult(output: SignInOutput, appName: string, username: string): SignInResult {
  const { nextStep } = output;
  switch (nextStep.signInStep) {
    case 'DONE':
      return { step: 'DONE' };
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return { step: 'SMS_CODE', destination: nextStep.codeDeliveryDetails?.destination ?? '' };
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return { step: 'EMAIL_CODE', destination: nextStep.codeDeliveryDetails?.destination ?? '' };
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      return { step: 'TOTP_CODE' };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
      return { step: 'SELECT_MFA_SETUP', choices: toMfaTypes(nextStep.allowedMFATypes) };
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
      return { step: 'EMAIL_SETUP' };
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return { step: 'SELECT_MFA', choices: toMfaTypes(nextStep.allowedMFATypes) };
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP': {
      const secret = nextStep.totpSetupDetails.sharedSecret;
      return { step: 'TOTP_SETUP', secret, uri: totpUri(appName, username, secret) };
    }
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return { step: 'NEW_PASSWORD', requiredAttributes: nextStep.missingAttributes ?? [] };
    case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
      return { step: 'SELECT_FIRST_FACTOR', choices: toFirstFactors(nextStep.availableChallenges) };
    case 'CONFIRM_SIGN_IN_WITH_PASSWORD':
      return { step: 'PASSWORD' };
    case 'CONFIRM_SIGN_UP':
      return { step: 'CONFIRM_SIGN_UP' };
    case 'RESET_PASSWORD':
      return { step: 'RESET_PASSWORD' };
    case 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE':
      // The challenge's public parameters (CreateAuthChallenge's publicChallengeParameters).
      return { step: 'CUSTOM_CHALLENGE', parameters: stringsOf(nextStep.additionalInfo) };
    default:
      return { step: 'UNSUPPORTED', name: (nextStep as { signInStep: string }).signInStep };
  }
}

/** Amplify's codeDeliveryDetails, as the machine keeps them. */
const toDelivery = (details: { deliveryMedium?: string; destination?: string } | undefined): CodeDelivery => ({
  ...(details?.deliveryMedium === 'EMAIL' || details?.deliveryMedium === 'SMS' || details?.deliveryMedium === 'PHONE' ? { medium: details.deliveryMedium } : {}),
  ...(details?.destination ? { destination: details.destination } : {}),
});

function markChallenge(result: SignInResult): SignInResult {
  try {
    if (result.step === 'DONE' || result.step === 'UNSUPPORTED' || result.step === 'CONFIRM_SIGN_UP' || result.step === 'RESET_PASSWORD') sessionStorage.removeItem(CHALLENGE_MARKER);
    else sessionStorage.setItem(CHALLENGE_MARKER, '1');
  } catch {
    // Storage may be unavailable (private mode); the marker is a nicety.
  }
  return result;
}

function takeChallengeMarker(): boolean {
  try {
    const open = sessionStorage.getItem(CHALLENGE_MARKER) !== null;
    sessionStorage.removeItem(CHALLENGE_MARKER);
    return open;
  } catch {
    return false;
  }
}

const stringsOf = (record: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(record ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** Claims of the ID token that are about the token, not the user's attributes. */
const TOKEN_CLAIMS = new Set(['aud', 'iss', 'exp', 'iat', 'nbf', 'auth_time', 'token_use', 'jti', 'origin_jti', 'event_id', 'at_hash', 'nonce', 'azp', 'cognito:username']);

/** The ID token's claims as the user's attributes, as GetUser gives them (strings; identities as JSON). */
function attributesOfToken(payload: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (TOKEN_CLAIMS.has(name) || name.startsWith('cognito:')) continue;
    if (typeof value === 'string') attributes[name] = value;
    else if (typeof value === 'boolean' || typeof value === 'number') attributes[name] = String(value);
    else if (name === 'identities') attributes[name] = JSON.stringify(value);
  }
  return attributes;
}

const groupsOf = (payload: Record<string, unknown>): string[] => {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
};

/**
 * Who is signed in, from the ID token Amplify holds: no request, so the signed-in screen shows as
 * soon as the sign-in answers (what the token says is what GetUser would). Without one, GetUser.
 */
async function loadUser(): Promise<UserInfo> {
  const payload = (await fetchAuthSession()).tokens?.idToken?.payload as Record<string, unknown> | undefined;
  const username = payload?.['cognito:username'];
  if (!payload || typeof username !== 'string') return loadFreshUser();
  return userInfo(username, attributesOfToken(payload), payload);
}

/** The user's attributes as they are now (GetUser): for account security, where they change. */
async function loadFreshUser(): Promise<UserInfo> {
  const [{ username }, attributes, session] = await Promise.all([getCurrentUser(), fetchUserAttributes(), fetchAuthSession().catch(() => undefined)]);
  return userInfo(username, stringsOf(attributes), (session?.tokens?.idToken?.payload ?? {}) as Record<string, unknown>);
}

/** The user as the machine keeps it: the attributes, the groups of the ID token, the provider signed in with. */
function userInfo(username: string, attributes: Record<string, string>, idToken: Record<string, unknown>): UserInfo {
  const via = signedInWith();
  const groups = groupsOf(idToken);
  return { username, attributes, ...(via ? { signedInWith: via } : {}), ...(groups.length ? { groups } : {}) };
}

/** Config authFlow as Amplify's authFlowType. */
const AUTH_FLOW_TYPES = { srp: 'USER_SRP_AUTH', customWithSrp: 'CUSTOM_WITH_SRP', customWithoutSrp: 'CUSTOM_WITHOUT_SRP', password: 'USER_PASSWORD_AUTH' } as const;

/**
 * The end of a provider's return. Amplify reports it on its Hub, unless it was configured (by the
 * host) before this module listened: then the session tells, as soon as Amplify has stored it.
 */
async function settledRedirect(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = Date.now() + 20_000;
  const session = new Promise<void>((resolve, reject) => {
    const poll = () =>
      getCurrentUser().then(
        () => resolve(),
        () => {
          if (Date.now() < deadline) timer = setTimeout(poll, 500);
          else reject(Object.assign(new Error('The sign-in with the identity provider could not be completed.'), { name: 'OAuthSignInException' }));
        },
      );
    timer = setTimeout(poll, 500);
  });
  try {
    await Promise.race([watchRedirect(), session]);
  } finally {
    clearTimeout(timer);
  }
}

async function loadMfa(): Promise<MfaSettings> {
  const { enabled, preferred } = await fetchMFAPreference();
  const pref = toMfaTypes(preferred ? [preferred] : [])[0];
  return { enabled: toMfaTypes(enabled), ...(pref ? { preferred: pref } : {}) };
}

/** When the user signed in, as Cognito wrote it into the ID token (auth_time, seconds). */
async function signedInAt(): Promise<number | undefined> {
  const authTime = (await fetchAuthSession()).tokens?.idToken?.payload.auth_time;
  return typeof authTime === 'number' ? authTime * 1000 : undefined;
}

/** The device Cognito put in this session's access token (device_key), if it tracks devices. */
async function currentDeviceKey(): Promise<string | undefined> {
  const session = await fetchAuthSession();
  const key = session.tokens?.accessToken.payload.device_key;
  return typeof key === 'string' ? key : undefined;
}

async function loadPasskeys(): Promise<PasskeyInfo[]> {
  const { credentials } = await listWebAuthnCredentials();
  return credentials.map((c) => ({
    id: c.credentialId ?? '',
    name: c.friendlyCredentialName ?? 'Passkey',
    ...(c.authenticatorAttachment ? { attachment: c.authenticatorAttachment } : {}),
    ...(c.createdAt ? { createdAt: c.createdAt.getTime() } : {}),
  }));
}

async function loadDevices(): Promise<DeviceInfo[]> {
  const [devices, current] = await Promise.all([fetchDevices(), currentDeviceKey()]);
  return devices.map((d) => ({
    id: d.id,
    ...(d.name ? { name: d.name } : {}),
    ...(d.lastAuthenticatedDate ? { lastSignIn: d.lastAuthenticatedDate.getTime() } : {}),
    remembered: d.attributes?.device_remembered_status === 'remembered',
    current: d.id === current,
  }));
}

/**
 * Ends the session with Amplify's `end` (sign-out, or deleting the account). One from an identity
 * provider also ends at the pool domain: Amplify leaves for its /logout, which sends the browser
 * back to redirectSignOut (round-trip.ts keeps where to go next, and why).
 */
async function endSession(end: () => Promise<void>, returnTo: ReturnTarget | undefined, deleted: boolean, oauth: boolean): Promise<void> {
  const viaProvider = signedInWith() !== undefined && oauth;
  if (viaProvider) saveSignOut(returnTo, document.documentElement.lang, deleted);
  const leaving = viaProvider ? leavesWithin(10_000) : undefined;
  try {
    await end();
  } catch (e) {
    dropSignOut();
    throw e;
  }
  setSignedInWith(undefined);
  // The page is leaving; it settles only if the back button brings it back. Amplify may also
  // have ended the session here without leaving (it was no sign-in through the domain).
  if (leaving && (await leaving)) await shownAgain();
  dropSignOut();
}

/** Another tab signed someone in meanwhile: start this sign-in afresh rather than get stuck. */
async function signInAfresh(start: () => Promise<SignInOutput>): Promise<SignInOutput> {
  try {
    return await start();
  } catch (e) {
    if ((e as { name?: string }).name !== 'UserAlreadyAuthenticatedException') throw e;
    await signOut();
    return start();
  }
}

export function createAmplifyAuthApi(config: Pick<RuntimeConfig, 'appName' | 'rememberDevices'> & Partial<Pick<RuntimeConfig, 'passwordless' | 'oauth' | 'authFlow'>>): AuthApi {
  const authFlowType = AUTH_FLOW_TYPES[config.authFlow ?? 'srp'];
  let challengeUsername = '';
  /** SRP when Cognito offers it for the password choice. */
  let srpOffered = false;
  return {
    async restoreSession() {
      await staleFlowEnded();
      try {
        await getCurrentUser();
      } catch {
        setSignedInWith(undefined);
        return { user: null, interrupted: takeChallengeMarker() };
      }
      try {
        return { user: await loadUser() };
      } catch (e) {
        // Offline: the session may be fine; the machine says the user could not be loaded.
        if (toAuthError(e).kind === 'network') throw e;
        // Tokens that the backend refuses (revoked, user deleted): start over.
        setSignedInWith(undefined);
        await signOut().catch(() => {});
        return { user: null, interrupted: false };
      }
    },
    async signIn({ username, password }) {
      challengeUsername = username;
      setSignedInWith(undefined);
      // A device forgotten elsewhere ("Device does not exist.") is Amplify's to recover from: it drops
      // the stale keys and answers again (retryOnResourceNotFoundException), as e2e checks.
      const start = () => signIn({ username, ...(authFlowType === 'CUSTOM_WITHOUT_SRP' ? {} : { password }), options: { authFlowType } });
      return markChallenge(toResult(await signInAfresh(start), config.appName, username));
    },
    async confirmSignIn({ response, attributes }) {
      const options = attributes && Object.keys(attributes).length ? { userAttributes: attributes } : undefined;
      return markChallenge(toResult(await confirmSignIn({ challengeResponse: response, ...(options ? { options } : {}) }), config.appName, challengeUsername));
    },
    loadUser,
    signOut: ({ global, returnTo }) => endSession(() => signOut({ global }), returnTo, false, config.oauth !== undefined),
    // Amplify's deleteUser signs out after DeleteUser (through the domain for a provider's session).
    deleteAccount: ({ returnTo }) => endSession(() => deleteUser(), returnTo, true, config.oauth !== undefined),
    async federatedSignIn({ target, returnTo, initialFlow }) {
      saveTicket({
        label: target.label,
        ...(target.provider ? { provider: target.provider } : {}),
        ...(target.idpIdentifier ? { idpIdentifier: target.idpIdentifier } : {}),
        ...(target.loginHint ? { loginHint: target.loginHint } : {}),
        ...(returnTo ? { returnTo } : {}),
        ...(initialFlow ? { initialFlow } : {}),
        locale: document.documentElement.lang,
        startedAt: Date.now(),
      });
      try {
        await signInWithRedirect({
          provider: target.idpIdentifier ? { idpIdentifier: target.idpIdentifier } : { custom: target.provider ?? '' },
          options: { ...(target.loginHint ? { loginHint: target.loginHint } : {}), lang: document.documentElement.lang || 'en' },
        });
      } catch (e) {
        dropTicket();
        throw e;
      }
    },
    async completeFederatedSignIn({ label }) {
      await settledRedirect();
      setSignedInWith(label);
    },
    async settleFederatedReturn() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Amplify answers at once when it had the sign-in in flight; otherwise there is nothing to settle.
      await Promise.race([watchRedirect().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
    },
    backWithoutSignIn: async () => {
      await shownAgain();
      dropTicket();
    },
    async abandonFederatedSignIn() {
      // The navigation to the provider, still loading, stops; what was kept for its return goes.
      window.stop();
      dropTicket();
      clearStoppedFlow();
    },
    async loadSecurity() {
      const tracked = config.rememberDevices !== 'off';
      // In parallel, failures held back: a federated user's factors are their provider's (Cognito
      // offers them none here), so what failed for them doesn't matter.
      const held = <T,>(p: Promise<T> | undefined) => p?.then((value) => ({ value }), (error: unknown) => ({ error }));
      const [user, mfa, devices, passkeys] = await Promise.all([loadFreshUser(), held(loadMfa()), held(tracked ? loadDevices() : undefined), held(config.passwordless ? loadPasskeys() : undefined)]);
      const authTime = await signedInAt();
      if (federationOf(user).federatedUser) return { user, mfa: { enabled: [] }, ...(authTime ? { authTime } : {}) };
      const value = <T,>(r: { value: T } | { error: unknown } | undefined): T | undefined => {
        if (r && 'error' in r) throw r.error;
        return r?.value;
      };
      return { user, mfa: value(mfa)!, ...(value(devices) ? { devices: value(devices)! } : {}), ...(value(passkeys) ? { passkeys: value(passkeys)! } : {}), ...(authTime ? { authTime } : {}) };
    },
    async startPasswordless({ username, factor }) {
      challengeUsername = username;
      setSignedInWith(undefined);
      const preferredChallenge = factor === 'PASSWORD' ? undefined : factor;
      const output = await signInAfresh(() => signIn({ username, options: { authFlowType: 'USER_AUTH', ...(preferredChallenge ? { preferredChallenge } : {}) } }));
      if (output.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION') srpOffered = output.nextStep.availableChallenges?.includes('PASSWORD_SRP') ?? false;
      return markChallenge(toResult(output, config.appName, username));
    },
    async chooseFirstFactor({ factor }) {
      try {
        localStorage.setItem(LAST_FACTOR, factor);
      } catch {
        // Only a nicety.
      }
      const answer = factor === 'PASSWORD' && srpOffered ? 'PASSWORD_SRP' : factor;
      return markChallenge(toResult(await confirmSignIn({ challengeResponse: answer }), config.appName, challengeUsername));
    },
    async addPasskey() {
      await associateWebAuthnCredential();
    },
    async deletePasskey({ id }) {
      await deleteWebAuthnCredential({ credentialId: id });
    },
    async updateMfa({ sms, totp, email }) {
      await updateMFAPreference({ ...(sms ? { sms } : {}), ...(totp ? { totp } : {}), ...(email ? { email } : {}) });
    },
    async rememberDevice() {
      await rememberDevice();
    },
    async forgetDevice({ id, current }) {
      // Without an id Amplify forgets this browser's device and drops its keys as well.
      await (current ? forgetDevice() : forgetDevice({ device: { id } }));
    },
    async beginTotpSetup() {
      const [{ username }, details] = await Promise.all([getCurrentUser(), setUpTOTP()]);
      return { secret: details.sharedSecret, uri: totpUri(config.appName, username, details.sharedSecret) };
    },
    async verifyTotpSetup({ code }) {
      await verifyTOTPSetup({ code });
    },
    /**
     * Cognito has no "check password" call for a signed-in user, so this is ChangePassword with the
     * same password as old and new: Cognito verifies PreviousPassword first and answers
     * NotAuthorizedException when it is wrong (and counts it toward the lockout). With a
     * password-history policy, Cognito refuses re-using the password with
     * PasswordHistoryPolicyViolationException, which it can only reach once the old password was
     * accepted, so that answer also means "right password".
     */
    async verifyPassword({ password }) {
      try {
        await updatePassword({ oldPassword: password, newPassword: password });
      } catch (e) {
        if ((e as { name?: string }).name === 'PasswordHistoryPolicyViolationException') return;
        throw e;
      }
    },
    async setContact({ attribute, value }) {
      const output = await updateUserAttribute({ userAttribute: { attributeKey: attribute, value } });
      const step = output.nextStep;
      return step.updateAttributeStep === 'CONFIRM_ATTRIBUTE_WITH_CODE'
        ? { verificationSent: true, ...(step.codeDeliveryDetails?.destination ? { destination: step.codeDeliveryDetails.destination } : {}) }
        : { verificationSent: false };
    },
    async sendContactCode({ attribute }) {
      const details = await sendUserAttributeVerificationCode({ userAttributeKey: attribute });
      return details.destination ? { destination: details.destination } : {};
    },
    async confirmContact({ attribute, code }) {
      await confirmUserAttribute({ userAttributeKey: attribute, confirmationCode: code });
    },
    async changePassword({ oldPassword, newPassword }) {
      await updatePassword({ oldPassword, newPassword });
    },
    async resetPassword({ username }) {
      const output = await resetPassword({ username });
      return toDelivery(output.nextStep.codeDeliveryDetails);
    },
    async confirmResetPassword({ username, code, newPassword }) {
      await confirmResetPassword({ username, confirmationCode: code, newPassword });
    },
    async signUp({ username, password, email, phoneNumber }) {
      challengeUsername = username;
      const output = await signUp({
        username,
        password,
        options: { userAttributes: { email, ...(phoneNumber ? { phone_number: phoneNumber } : {}) }, autoSignIn: true },
      });
      const step = output.nextStep;
      return { confirmed: output.isSignUpComplete, ...(step.signUpStep === 'CONFIRM_SIGN_UP' ? { delivery: toDelivery(step.codeDeliveryDetails) } : {}) };
    },
    async confirmSignUp({ username, code }) {
      await confirmSignUp({ username, confirmationCode: code });
    },
    async resendSignUpCode({ username }) {
      return toDelivery(await resendSignUpCode({ username }));
    },
    async autoSignIn() {
      setSignedInWith(undefined);
      return markChallenge(toResult(await autoSignIn(), config.appName, challengeUsername));
    },
  };
}
