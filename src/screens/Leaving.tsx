import { useT } from '../i18n';

export function LeavingScreen() {
  const t = useT();
  return (
    <main className="card" aria-busy="true">
      <p role="status">{t('hosted.leaving')}</p>
    </main>
  );
}
