import type { UseFormRegisterReturn } from 'react-hook-form';
import { useT } from '../i18n';
import { useScopedId } from '../react/embed';
import { useFlowConfig } from '../react/flow-config';
import { PasswordField } from './PasswordField';
import { passwordRules } from './password-rules';

/** A new password with the pool's rules under it, each shown met or not as the user types. */
export function NewPasswordField({ id, label, registration, error, value }: { id: string; label: string; registration: UseFormRegisterReturn; error?: string | undefined; value: string }) {
  const t = useT();
  const { passwordPolicy } = useFlowConfig();
  const rulesId = useScopedId(`${id}-rules`);
  return (
    <>
      <PasswordField id={id} label={label} autoComplete="new-password" registration={registration} error={error} describedBy={`${id}-rules`} />
      <div id={rulesId} className="rules">
        <p className="hint">{t('rules.title')}</p>
        <ul>
          {passwordRules(passwordPolicy, value).map(({ rule, met }) => (
            <li key={rule} className={met ? 'met' : 'unmet'} data-testid={`rule-${rule}`} data-met={met}>
              <span aria-hidden="true">{met ? '✓' : '•'}</span> {t(`rules.${rule}`, { n: passwordPolicy.minLength })}
              <span className="visually-hidden"> ({met ? t('rules.met') : t('rules.unmet')})</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/** The react-hook-form rule: every rule of the policy met. */
export function useNewPasswordRule() {
  const t = useT();
  const { passwordPolicy } = useFlowConfig();
  return { validate: (v: string) => passwordRules(passwordPolicy, v).every((r) => r.met) || t('validation.passwordRules') };
}
