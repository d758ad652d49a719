import { useT } from '../i18n';
import { ssoProviderFor } from '../machine/federation';
import { useAuth } from '../react/auth';

/** The single sign-on provider of an e-mail typed into sign-up or recovery: that account is the provider's. */
export function useSsoMatch(email: string) {
  const { context } = useAuth();
  return ssoProviderFor(email, context.providers);
}

/** "Accounts at acme.example sign in with Acme SSO." */
export function SsoHint({ match }: { match: NonNullable<ReturnType<typeof useSsoMatch>> }) {
  const t = useT();
  return (
    <p className="hint" data-testid="sso-hint" aria-live="polite">
      {t('federation.ssoAccount', { domain: match.domain, provider: match.provider.label })}
    </p>
  );
}
