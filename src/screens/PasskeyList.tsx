import { SectionHeading } from '../components/Screen';
import { useT } from '../i18n';
import type { PasskeyInfo } from '../machine/types';
import type { SecurityEvent } from '../machine/security-machine';

/** The user's passkeys: which kind, when added; add one (the browser prompts) or remove one (after the password). */
export function PasskeyList({ passkeys, headingId, pending, send }: { passkeys: PasskeyInfo[]; headingId: string; pending: boolean; send: (event: SecurityEvent) => void }) {
  const t = useT();
  const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' });
  return (
    <section className="factor" aria-labelledby={headingId} aria-busy={pending}>
      <SectionHeading id={headingId}>{t('account.passkeys')}</SectionHeading>
      <p className="hint">{t('account.passkeysHelp')}</p>
      {passkeys.length === 0 ? (
        <p>{t('account.noPasskeys')}</p>
      ) : (
        <ul className="devices">
          {passkeys.map((passkey, i) => {
            const kind = passkey.attachment === 'cross-platform' ? t('account.passkeySecurityKey') : t('account.passkeyDevice');
            const label = `${passkey.name} ${i + 1}`;
            return (
              <li key={passkey.id} data-testid="passkey">
                <span className="device-name">{label}</span>
                <span className="hint">
                  {kind}
                  {passkey.createdAt !== undefined && ` · ${t('account.passkeyAdded', { date: date.format(passkey.createdAt) })}`}
                </span>
                <button type="button" className="danger" aria-label={t('account.removePasskeyName', { passkey: label })} disabled={pending} onClick={() => send({ type: 'REMOVE_PASSKEY', id: passkey.id })}>
                  {t('account.removeTotp')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={pending} onClick={() => send({ type: 'ADD_PASSKEY' })}>
          {t('account.addPasskey')}
        </button>
      </div>
    </section>
  );
}
