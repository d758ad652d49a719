import type { ReactNode } from 'react';
import { Screen, SectionHeading } from '../components/Screen';
import { useT } from '../i18n';
import { labelOf } from '../machine/federation';
import type { UserInfo } from '../machine/types';
import { useScopedId } from '../react/embed';
import { useFlowConfig } from '../react/flow-config';

/**
 * Account security of a user who exists only through an identity provider: Cognito leaves their
 * authentication to it (no password, MFA, passkeys or remembered devices here, DG "Adding MFA to a
 * user pool"), and their details come from it at every sign-in.
 */
export function FederatedAccount({ user, provider, back, deleteSection }: { user: UserInfo; provider: string; back: ReactNode; deleteSection?: ReactNode }) {
  const t = useT();
  const { providers = [] } = useFlowConfig();
  const heading = useScopedId('federated-heading');
  const email = user.attributes.email;
  return (
    <Screen title={t('account.title')}>
      <section className="factor" aria-labelledby={heading}>
        <SectionHeading id={heading}>{t('account.federatedHeading')}</SectionHeading>
        <p data-testid="federated-provider">{t('account.federated', { provider: labelOf(provider, providers) })}</p>
        {email && <p className="hint">{email}</p>}
      </section>
      {deleteSection}
      <div className="actions">{back}</div>
    </Screen>
  );
}

/** For a native user with provider identities linked: they can sign in with those too. */
export function LinkedProviders({ names }: { names: string[] }) {
  const t = useT();
  const { providers = [] } = useFlowConfig();
  if (names.length === 0) return null;
  return (
    <p className="hint" data-testid="linked-providers">
      {t('account.linked', { providers: names.map((n) => labelOf(n, providers)).join(', ') })}
    </p>
  );
}
