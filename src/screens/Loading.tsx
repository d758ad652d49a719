import { useT } from '../i18n';
import { useEmbedding } from '../react/embed';

export function LoadingScreen() {
  const t = useT();
  const status = <p role="status">{t('app.loading')}</p>;
  // Embedded, the host page has its own <main>.
  return useEmbedding().embedding.landmark === 'main' ? (
    <main className="card" aria-busy="true">
      {status}
    </main>
  ) : (
    <div className="card" aria-busy="true">
      {status}
    </div>
  );
}
