import { useT } from '../i18n';

export function LoadingScreen() {
  const t = useT();
  return (
    <main className="card" aria-busy="true">
      <p role="status">{t('app.loading')}</p>
    </main>
  );
}
