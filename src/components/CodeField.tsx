import type { UseFormRegisterReturn } from 'react-hook-form';
import { type Translate, useT } from '../i18n';
import { TextField } from './TextField';

/** Digits only: "123 456" or "123-456" pasted becomes "123456". */
export const normalizeCode = (value: string) => value.replace(/\D/g, '').slice(0, 6);

/** The one rule for a code field: six digits once normalised. */
export const codeRule = (t: Translate) => ({ validate: (v: string) => /^\d{6}$/.test(normalizeCode(v)) || t('validation.code') });

export function CodeField({ registration, error, id = 'code' }: { registration: UseFormRegisterReturn; error?: string | undefined; id?: string }) {
  const t = useT();
  return (
    <TextField
      id={id}
      label={t('field.code')}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      registration={registration}
      error={error}
      onInput={(e) => {
        e.currentTarget.value = normalizeCode(e.currentTarget.value);
      }}
    />
  );
}
