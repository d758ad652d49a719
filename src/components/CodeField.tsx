import type { UseFormRegisterReturn } from 'react-hook-form';
import { useT } from '../i18n';

/** Digits only: "123 456" or "123-456" pasted becomes "123456". */
export const normalizeCode = (value: string) => value.replace(/\D/g, '').slice(0, 6);

export function CodeField({ registration, error, id = 'code' }: { registration: UseFormRegisterReturn; error?: string | undefined; id?: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.code')}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
        onInput={(e) => {
          e.currentTarget.value = normalizeCode(e.currentTarget.value);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
