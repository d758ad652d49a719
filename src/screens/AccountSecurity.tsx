import { useAuth, useSecurity } from '../react/auth';
import { LoadingScreen } from './Loading';
import { SecurityPanel } from './SecurityPanel';

/** Account security inside the sign-in flow: loaded on demand after sign-in. */
export default function AccountSecurityScreen() {
  const child = useSecurity();
  const auth = useAuth();
  return child ? <SecurityPanel child={child} onClose={() => auth.send({ type: 'CLOSE_ACCOUNT' })} onSignOut={() => auth.send({ type: 'SIGN_OUT' })} /> : <LoadingScreen />;
}
