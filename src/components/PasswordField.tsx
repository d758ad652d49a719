import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useT } from '../i18n';
import { useScopedId } from '../react/embed';

export function PasswordField({
  id: localId,
  label,
  registration,
  error,
  autoComplete,
  describedBy,
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  autoComplete: string;
  /** Extra help tied to the field (the password rules). */
  describedBy?: string;
}) {
  const t = useT();
  const id = useScopedId(localId);
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-row">
        <input id={id} type={visible ? 'text' : 'password'} autoComplete={autoComplete} aria-invalid={error ? true : undefined} aria-describedby={[error ? `${id}-error` : '', describedBy ? `${id.slice(0, id.length - localId.length)}${describedBy}` : ''].filter(Boolean).join(' ') || undefined} {...registration} />
        <button type="button" className="link" aria-pressed={visible} aria-controls={id} onClick={() => setVisible((v) => !v)}>
          {visible ? t('password.hide') : t('password.show')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
