import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';
import { TotpSetupPanel } from './TotpSetupPanel';

/** MFA_SETUP at first sign-in. Loaded lazily: qrcode.react is not part of the first screen's bundle. */
export default function TotpSetupScreen() {
  const t = useT();
  const { context, isPending, send } = useAuth();
  const setup = context.totpSetup;
  return (
    <Screen title={t('setup.title')}>
      <Messages error={context.error} />
      {setup && <TotpSetupPanel secret={setup.secret} uri={setup.uri} pending={isPending} onCode={(code) => send({ type: 'SUBMIT_CODE', code })} onCancel={() => send({ type: 'CANCEL' })} />}
    </Screen>
  );
}
