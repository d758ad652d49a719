import type { UseFormRegisterReturn } from 'react-hook-form';
import { useT } from '../i18n';
import { TextField } from './TextField';

/** The username, as sign-in, sign-up and the password reset ask for it. */
export function UsernameField({ id, registration, error }: { id: string; registration: UseFormRegisterReturn; error?: string | undefined }) {
  const t = useT();
  return <TextField id={id} label={t('field.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} registration={registration} error={error} />;
}

/** "Enter your username." when left empty. */
export function useRequired() {
  const t = useT();
  return (field: string) => ({ validate: (v: string) => v.trim() !== '' || t('validation.required', { field: field.toLowerCase() }) });
}
