import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useScopedId } from '../react/embed';

/** A labelled input whose validation message is tied to it (aria-invalid, aria-describedby). */
export function TextField({ id: localId, label, registration, error, ...input }: { id: string; label: string; registration: UseFormRegisterReturn; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useScopedId(localId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...registration} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
