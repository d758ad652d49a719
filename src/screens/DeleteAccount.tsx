import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen, SectionHeading } from '../components/Screen';
import { useT } from '../i18n';
import { type DeleteAccountRef, useFlowState } from '../react/auth';
import { useScopedId } from '../react/embed';

/** The last section of account security: deleting the account opens its own screen. */
export function DeleteAccountSection({ pending, onDelete }: { pending: boolean; onDelete: () => void }) {
  const t = useT();
  const heading = useScopedId('delete-heading');
  return (
    <section className="factor" aria-labelledby={heading}>
      <SectionHeading id={heading}>{t('account.deleteHeading')}</SectionHeading>
      <p className="hint">{t('account.deleteHelp')}</p>
      <div className="actions">
        <button type="button" className="danger" disabled={pending} onClick={onDelete}>
          {t('account.deleteStart')}
        </button>
      </div>
    </section>
  );
}

/**
 * Deleting the account (delete-account-machine.ts): what goes with it, then the password — or, for a
 * user who signs in through a provider, a confirmation while their sign-in is fresh, else a way to
 * sign in again first.
 */
export function DeleteAccountPanel({ child, provider, onSignOut }: { child: DeleteAccountRef; provider?: string | undefined; onSignOut?: (() => void) | undefined }) {
  const t = useT();
  const { context, isPending, send } = useFlowState(child);
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const cancel = <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>;
  return (
    <Screen title={t('deleteAccount.title')}>
      <p className="warning">{t('deleteAccount.lost')}</p>
      {provider && <p>{t('deleteAccount.providerKept', { provider })}</p>}
      <Messages error={context.error} />
      {context.proof === 'password' && (
        <form noValidate onSubmit={handleSubmit(({ password }) => send({ type: 'SUBMIT_DELETE', password }))}>
          <p>{t('account.removeHelp')}</p>
          <PasswordField
            id="delete-account-password"
            label={t('field.password')}
            autoComplete="current-password"
            registration={register('password', { validate: (v) => v !== '' || t('validation.required', { field: t('field.password').toLowerCase() }) })}
            error={formState.errors.password?.message}
          />
          <FormActions pending={isPending} label={t('deleteAccount.submit')} kind="danger">
            {cancel}
          </FormActions>
        </form>
      )}
      {context.proof === 'recentSignIn' && (
        <form noValidate onSubmit={handleSubmit(() => send({ type: 'SUBMIT_DELETE' }))}>
          <FormActions pending={isPending} label={t('deleteAccount.submit')} kind="danger">
            {cancel}
          </FormActions>
        </form>
      )}
      {context.proof === 'signInAgain' && (
        <>
          <p data-testid="delete-sign-in-again">{t('deleteAccount.signInAgain', { provider: provider ?? '' })}</p>
          <div className="actions">
            {onSignOut && (
              <button type="button" className="primary" onClick={onSignOut}>
                {t('signedIn.signOut')}
              </button>
            )}
            {cancel}
          </div>
        </>
      )}
    </Screen>
  );
}
