/**
 * The React face of the machine: a provider that runs it and small hooks that give screens the
 * state, the pending flag, the error and `send`. Screens never import xstate or Amplify.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { type AuthHost, type AuthMachineInput, type AuthTopState, createAuthMachine } from '../machine/auth-machine';
import type { SecurityMachine } from '../machine/security-machine';
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

export type ScreenName = Exclude<AuthTopState, 'signedIn'> | 'home' | 'account';

function screenOf(s: AuthSnapshot): ScreenName {
  const value = s.value;
  const top = (typeof value === 'string' ? value : Object.keys(value)[0]) as AuthTopState;
  if (top !== 'signedIn') return top;
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

/** The account-security child machine, while the account screen is open. */
export function useSecurity() {
  const ref = useAuthRef();
  const child = useSelector(ref, (s) => s.children.security as SecurityRef | undefined);
  return child;
}

export function useSecurityState(child: SecurityRef) {
  const state = useSelector(child, (s) => s);
  return {
    step: state.value,
    matches: state.matches.bind(state),
    context: state.context,
    isPending: state.hasTag('pending'),
    send: child.send,
  };
}
