import { useT } from '../i18n';
import type { ProviderOption } from '../machine/federation';

/** "Continue with <provider>" for each provider the app offers as a button, under a divider. */
export function ProviderButtons({ providers, pending, onChoose }: { providers: readonly ProviderOption[]; pending: boolean; onChoose: (provider: string) => void }) {
  const t = useT();
  const shown = providers.filter((p) => p.button);
  if (shown.length === 0) return null;
  return (
    <div className="providers" role="group" aria-label={t('federation.others')}>
      <p className="divider" aria-hidden="true">
        <span>{t('federation.or')}</span>
      </p>
      <ul className="choices">
        {shown.map((p) => (
          <li key={p.name}>
            <button type="button" className="choice provider" disabled={pending} data-provider={p.name} onClick={() => onChoose(p.name)}>
              {t('federation.continueWith', { provider: p.label })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
