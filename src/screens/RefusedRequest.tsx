import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import type { RedirectRefusal } from '../hosted/redirect';

/** A hosted sign-in request with a return address we don't trust: explain, and don't go anywhere. */
export function RefusedRequestScreen({ reason }: { reason: RedirectRefusal }) {
  const t = useT();
  return (
    <Screen title={t('hosted.badRequestTitle')}>
      <p data-testid="refusal-reason">{t(`hosted.reason.${reason}`)}</p>
      <p>{t('hosted.badRequestBody')}</p>
    </Screen>
  );
}
