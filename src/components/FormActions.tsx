import type { ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * A form's submit button (disabled with a "please wait" label while pending) and its secondary actions.
 * `inert`: the prerendered page's button, which must not submit the form before the app is there
 * (a GET would put the password in the URL). It stays disabled until /first-screen.js (src/first-screen/runtime.ts) runs,
 * which enables it and queues a click: a click before that would otherwise be lost.
 */
export function FormActions({ pending, label, kind = 'primary', inert = false, children }: { pending: boolean; label: string; kind?: 'primary' | 'danger'; inert?: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="actions">
      <button type={inert ? 'button' : 'submit'} className={kind} disabled={pending || inert} aria-busy={pending} {...(inert ? { 'data-submit': '', 'data-waiting': t('common.working') } : {})}>
        {pending ? t('common.working') : label}
      </button>
      {children}
    </div>
  );
}

/** The quiet way out of a screen (Cancel, Back to sign-in). */
export function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="link" onClick={onClick}>
      {children}
    </button>
  );
}

/** A secondary action beside a form (Resend code, Change e-mail): unavailable while a request is pending. */
export function SecondaryButton({ pending, onClick, children }: { pending: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="secondary" disabled={pending} onClick={onClick}>
      {children}
    </button>
  );
}
