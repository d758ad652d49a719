import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useT } from '../i18n';
import { CodeField, codeRule, normalizeCode } from './CodeField';
import { FormActions } from './FormActions';

/** A 6-digit code form: used for SMS, TOTP, TOTP setup and phone verification. */
export function CodeForm({ onCode, pending, submitLabel, children }: { onCode: (code: string) => void; pending: boolean; submitLabel?: string; children?: ReactNode }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ code: string }>({ defaultValues: { code: '' } });
  return (
    <form noValidate onSubmit={handleSubmit(({ code }) => onCode(normalizeCode(code)))}>
      <CodeField
        registration={register('code', codeRule(t))}
        error={formState.errors.code?.message}
      />
      <FormActions pending={pending} label={submitLabel ?? t('common.continue')}>
        {children}
      </FormActions>
    </form>
  );
}
