import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { type FederationRef, useChild, useFlowState } from '../react/auth';
import { LoadingScreen } from './Loading';

/**
 * Federated sign-in (federation-machine.ts): on the way to the provider, back from it, or what went
 * wrong there, with a way to try again or to choose another way to sign in.
 */
export default function FederationScreen() {
  const child = useChild('federation');
  return child ? <FederationPanel child={child} /> : <LoadingScreen />;
}

function FederationPanel({ child }: { child: FederationRef }) {
  const t = useT();
  const { matches, context, isPending, send } = useFlowState(child);
  const provider = context.target.label;
  if (!matches('failed')) {
    const status = matches('completing') ? t('federation.completing', { provider }) : matches('settling') ? t('federation.returning', { provider }) : t('federation.redirecting', { provider });
    // On the way out, a provider slow to answer leaves the person a way back.
    const leaving = matches('away');
    return (
      <Screen title={status}>
        <p role="status" aria-busy="true" className="hint">
          {t('common.working')}
        </p>
        {leaving && (
          <div className="actions">
            <button type="button" className="link wrap" data-testid="federation-another" onClick={() => send({ type: 'CANCEL' })}>
              {t('federation.another')}
            </button>
          </div>
        )}
      </Screen>
    );
  }
  const error = context.error;
  return (
    <Screen title={t('federation.failedTitle', { provider })}>
      <Messages error={error} />
      {error && error.kind !== 'network' && error.message && <p className="hint" data-testid="provider-details">{t('federation.details', { detail: error.message })}</p>}
      <div className="actions">
        <button type="button" className="primary" data-testid="federation-retry" disabled={isPending} onClick={() => send({ type: 'RETRY' })}>
          {t('federation.tryAgain')}
        </button>
        <button type="button" className="link wrap" data-testid="federation-another" onClick={() => send({ type: 'CANCEL' })}>
          {t('federation.another')}
        </button>
      </div>
    </Screen>
  );
}
