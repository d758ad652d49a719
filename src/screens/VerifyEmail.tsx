import { useAuth, useChild } from '../react/auth';
import { ContactPanel } from './ContactPanel';
import { LoadingScreen } from './Loading';

/** After sign-in: verify an unverified e-mail address, or skip (never blocking). */
export default function VerifyEmailScreen() {
  const child = useChild('contact');
  const { context, send } = useAuth();
  return child ? <ContactPanel child={child} email={context.user?.attributes.email} onCancel={() => send({ type: 'CANCEL' })} /> : <LoadingScreen />;
}
