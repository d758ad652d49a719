import { SectionHeading } from '../components/Screen';
import { useT } from '../i18n';
import type { DeviceInfo } from '../machine/types';
import type { SecurityEvent } from '../machine/security-machine';

const BROWSERS = ['Edge', 'Firefox', 'Chromium', 'Chrome', 'Safari'];
const PLATFORMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac ?OS|Macintosh/, 'macOS'],
  [/CrOS|Chrome OS/, 'ChromeOS'],
  [/Linux|X11/, 'Linux'],
];

/**
 * Amplify names a device after the browser's user agent (its Client Hints or userAgent string):
 * long and technical. "Chromium on Linux" is what a user recognises; anything else is shown shortened.
 */
export function friendlyDeviceName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const browser = BROWSERS.find((b) => new RegExp(`\\b${b}/`).test(name) || (b === 'Edge' && /\bEdg\//.test(name)));
  const platform = PLATFORMS.find(([pattern]) => pattern.test(name))?.[1];
  if (browser && platform) return `${browser} · ${platform}`;
  return name.length > 48 ? `${name.slice(0, 47)}…` : name;
}

/** The devices Cognito tracks for the user: which is this one, which are remembered, and forgetting any. */
export function DeviceList({ devices, headingId, pending, send }: { devices: DeviceInfo[]; headingId: string; pending: boolean; send: (event: SecurityEvent) => void }) {
  const t = useT();
  const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="factor" aria-labelledby={headingId} aria-busy={pending}>
      <SectionHeading id={headingId}>{t('account.devices')}</SectionHeading>
      <p className="hint">{t('account.devicesHelp')}</p>
      {devices.length === 0 ? (
        <p>{t('account.noDevices')}</p>
      ) : (
        <ul className="devices">
          {devices.map((device) => {
            const name = friendlyDeviceName(device.name) ?? t('account.deviceUnnamed');
            return (
              <li key={device.id} data-testid="device">
                <span className="device-name">
                  {name}
                  {device.current && <span className="badge">{t('account.thisDevice')}</span>}
                </span>
                <span className="hint">
                  {device.remembered ? t('account.deviceRemembered') : t('account.deviceNotRemembered')}
                  {device.lastSignIn !== undefined && ` · ${t('account.deviceLastSignIn', { date: date.format(device.lastSignIn) })}`}
                </span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('account.forgetDeviceName', { device: device.current ? t('account.thisDevice') : name })}
                  disabled={pending}
                  onClick={() => send({ type: 'FORGET_DEVICE', id: device.id, current: device.current })}
                >
                  {t('account.forgetDevice')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
