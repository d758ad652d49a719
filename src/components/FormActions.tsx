import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** A form's submit button (disabled with a "please wait" label while pending) and its secondary actions. */
export function FormActions({ pending, label, kind = 'primary', children }: { pending: boolean; label: string; kind?: 'primary' | 'danger'; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="submit" className={kind} disabled={pending} aria-busy={pending}>
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
