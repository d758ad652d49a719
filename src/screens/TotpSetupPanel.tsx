import { LinkButton } from '../components/FormActions';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { CodeForm } from '../components/CodeForm';
import { useT } from '../i18n';
import { useScopedId } from '../react/embed';

/** QR code + copyable key + code: used at first sign-in (MFA_SETUP) and from account security. */
export function TotpSetupPanel({ secret, uri, pending, onCode, onCancel }: { secret: string; uri: string; pending: boolean; onCode: (code: string) => void; onCancel: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const secretLabel = useScopedId('secret-label');
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <>
      <p>{t('setup.scan')}</p>
      <figure className="qr" data-testid="totp-qr">
        <QRCodeSVG value={uri} size={208} marginSize={4} level="M" role="img" aria-label={t('setup.qrLabel')} bgColor="#ffffff" fgColor="#000000" />
      </figure>
      <div className="secret">
        <span id={secretLabel}>{t('setup.secret')}</span>
        <code aria-labelledby={secretLabel} data-testid="totp-secret">
          {grouped}
        </code>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {t('setup.copy')}
        </button>
        <span role="status">{copied ? t('setup.copied') : ''}</span>
      </div>
      <p>{t('setup.enterCode')}</p>
      <CodeForm pending={pending} onCode={onCode} submitLabel={t('setup.verify')}>
        <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
      </CodeForm>
    </>
  );
}
