import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useT } from '../i18n';
import { useScopedId } from '../react/embed';
import { CodeField, codeRule, normalizeCode } from './CodeField';
import { FormActions } from './FormActions';

/**
 * A 6-digit code form: used for SMS, e-mail and TOTP codes, TOTP setup and contact verification.
 * `offerRemember`: an MFA code at sign-in in a pool that remembers devices on the user's prompt.
 */
export function CodeForm({
  onCode,
  pending,
  submitLabel,
  offerRemember = false,
  children,
}: {
  onCode: (code: string, remember: boolean) => void;
  pending: boolean;
  submitLabel?: string;
  offerRemember?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const rememberId = useScopedId('remember-device');
  const { register, handleSubmit, formState } = useForm<{ code: string; remember: boolean }>({ defaultValues: { code: '', remember: false } });
  return (
    <form noValidate onSubmit={handleSubmit(({ code, remember }) => onCode(normalizeCode(code), offerRemember && remember))}>
      <CodeField registration={register('code', codeRule(t))} error={formState.errors.code?.message} />
      {offerRemember && (
        <div className="field checkbox">
          <input id={rememberId} type="checkbox" {...register('remember')} />
          <label htmlFor={rememberId}>{t('remember.label')}</label>
        </div>
      )}
      <FormActions pending={pending} label={submitLabel ?? t('common.continue')}>
        {children}
      </FormActions>
    </form>
  );
}
