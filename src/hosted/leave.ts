import type { ReturnTarget } from '../machine/auth-machine';
import type { UserInfo } from '../machine/types';
import { withState } from './redirect';

/** Hands the user back to the relying app. Only allow-listed targets get here (route.ts). */
export function leave(target: ReturnTarget, user: UserInfo | undefined): void {
  if (target.kind === 'redirect') {
    window.location.assign(withState(target.uri, target.state));
    return;
  }
  const peer = window.opener ?? (window.parent !== window ? window.parent : null);
  // The username only: tokens never travel in messages.
  peer?.postMessage({ type: 'signed-in', username: user?.username }, target.origin);
  if (window.opener) window.close();
}
