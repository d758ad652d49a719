/**
 * The React face of the machine: a provider that runs it and small hooks that give screens the
 * state, the pending flag, the error and `send`. Screens never import xstate or Amplify.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { type AuthHost, type AuthMachineInput, type AuthTopState, createAuthMachine } from '../machine/auth-machine';
import type { ContactMachine } from '../machine/contact-machine';
import type { DeleteAccountMachine } from '../machine/delete-account-machine';
import type { CustomChallengeMachine } from '../machine/custom-challenge-machine';
import type { FederationMachine } from '../machine/federation-machine';
import type { RecoveryMachine } from '../machine/recovery-machine';
import type { SecurityMachine } from '../machine/security-machine';
import type { SignUpMachine } from '../machine/sign-up-machine';
import type { AuthApi } from '../machine/types';

type AuthRef = ActorRefFrom<ReturnType<typeof createAuthMachine>>;
type AuthSnapshot = SnapshotFrom<ReturnType<typeof createAuthMachine>>;

const AuthContext = createContext<AuthRef | null>(null);

export function AuthProvider({ api, host, input, children }: { api: AuthApi; host?: AuthHost; input: AuthMachineInput; children: ReactNode }) {
  const machine = useMemo(() => createAuthMachine(api, host), [api, host]);
  const ref = useActorRef(machine, { input });
  return <AuthContext.Provider value={ref}>{children}</AuthContext.Provider>;
}

function useAuthRef(): AuthRef {
  const ref = useContext(AuthContext);
  if (!ref) throw new Error('useAuth must be used inside <AuthProvider>');
  return ref;
}

export type ScreenName = Exclude<AuthTopState, 'signedIn'> | 'home' | 'account' | 'verifyEmail';

function screenOf(s: AuthSnapshot): ScreenName {
  const value = s.value;
  const top = (typeof value === 'string' ? value : Object.keys(value)[0]) as AuthTopState;
  if (top !== 'signedIn') return top;
  if (s.matches({ signedIn: 'verifyEmail' })) return 'verifyEmail';
  return s.matches({ signedIn: 'account' }) ? 'account' : 'home';
}

export function useAuth() {
  const ref = useAuthRef();
  const screen = useSelector(ref, screenOf);
  const context = useSelector(ref, (s) => s.context);
  const isPending = useSelector(ref, (s) => s.hasTag('pending'));
  return { screen, context, isPending, send: ref.send };
}

export type SecurityRef = ActorRefFrom<SecurityMachine>;
export type ContactRef = ActorRefFrom<ContactMachine>;
export type RecoveryRef = ActorRefFrom<RecoveryMachine>;
export type SignUpRef = ActorRefFrom<SignUpMachine>;
export type FederationRef = ActorRefFrom<FederationMachine>;
export type DeleteAccountRef = ActorRefFrom<DeleteAccountMachine>;
export type CustomChallengeRef = ActorRefFrom<CustomChallengeMachine>;

interface ChildRefs {
  security: SecurityRef;
  contact: ContactRef;
  recovery: RecoveryRef;
  signUp: SignUpRef;
  federation: FederationRef;
  customChallenge: CustomChallengeRef;
}

/** A flow machine the auth machine runs (account security, a contact check, recovery, sign-up), while its screen is open. */
export function useChild<K extends keyof ChildRefs>(id: K): ChildRefs[K] | undefined {
  const ref = useAuthRef();
  return useSelector(ref, (s) => s.children[id] as ChildRefs[K] | undefined);
}

export const useSecurity = () => useChild('security');

type FlowRef = SecurityRef | ContactRef | RecoveryRef | SignUpRef | FederationRef | DeleteAccountRef | CustomChallengeRef;

/** A flow machine's state for its screens: the same face as useAuth. */
export function useFlowState<R extends FlowRef>(child: R) {
  const state = useSelector(child as SecurityRef, (s) => s) as unknown as ReturnType<R['getSnapshot']>;
  return {
    step: state.value,
    matches: state.matches.bind(state) as ReturnType<R['getSnapshot']>['matches'],
    context: state.context as ReturnType<R['getSnapshot']>['context'],
    isPending: state.hasTag('pending'),
    send: child.send as R['send'],
  };
}

export const useSecurityState = (child: SecurityRef) => useFlowState(child);
