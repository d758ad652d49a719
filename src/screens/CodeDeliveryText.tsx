import { useT } from '../i18n';
import type { CodeDelivery } from '../machine/types';

/** "We sent a code by e-mail to a***@e***", as Cognito named medium and destination; or, when it named none, a sentence that tells nothing about the account. */
export function CodeDeliveryText({ delivery }: { delivery?: CodeDelivery | undefined }) {
  const t = useT();
  const { medium, destination } = delivery ?? {};
  const text = destination && medium === 'EMAIL' ? t('delivery.EMAIL', { destination }) : destination ? t('delivery.SMS', { destination }) : t('delivery.unknown');
  return (
    <p className="destination" data-testid="code-destination">
      {text}
    </p>
  );
}
