import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { useAuth } from '../react/auth';

export function UnsupportedScreen() {
  const t = useT();
  const { context, send } = useAuth();
  return (
    <Screen title={t('unsupported.title')}>
      <p>{t('unsupported.body', { step: context.unsupportedStep ?? '' })}</p>
      <button type="button" className="primary" onClick={() => send({ type: 'CANCEL' })}>
        {t('common.back')}
      </button>
    </Screen>
  );
}
