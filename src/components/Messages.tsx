import type { AuthError } from '../machine/types';
import { type Translate, useT } from '../i18n';

export function errorText(error: AuthError, t: Translate): string {
  return t(`error.${error.kind}`, { detail: error.message });
}

/** Errors are announced at once (role=alert); notices politely. Both regions always exist so they are announced. */
export function Messages({ error, notice, success }: { error?: AuthError | undefined; notice?: string | undefined; success?: string | undefined }) {
  const t = useT();
  return (
    <>
      <div className="notice" role="status" aria-live="polite">
        {notice && <p className="notice-text">{notice}</p>}
        {success && <p className="success-text">{success}</p>}
      </div>
      <div className="error" role="alert" aria-live="assertive">
        {error && <p className="error-text">{errorText(error, t)}</p>}
      </div>
    </>
  );
}
