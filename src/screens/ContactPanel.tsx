import { useForm } from 'react-hook-form';
import { CodeForm } from '../components/CodeForm';
import { FormActions, LinkButton, SecondaryButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { type MessageKey, useT } from '../i18n';
import { type ContactRef, useFlowState } from '../react/auth';
import { LoadingScreen } from './Loading';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normalizePhone = (v: string) => v.replace(/[\s()-]/g, '');

/**
 * The screens of a contact check (contact-machine.ts): the offer after sign-in, entering a new
 * e-mail or phone, and the code. `email` is the address on file, for the offer's text.
 */
export function ContactPanel({ child, onCancel, email }: { child: ContactRef; onCancel: () => void; email?: string | undefined }) {
  const t = useT();
  const { matches, context, isPending, send } = useFlowState(child);
  const isEmail = context.attribute === 'email';
  if (matches('offer') || (matches('sending') && context.start === 'offer')) {
    return (
      <Screen title={t('verifyEmail.title')}>
        <p>{t('verifyEmail.offer', { email: email ?? '' })}</p>
        <Messages error={context.error} />
        <div className="actions">
          <button type="button" className="primary" disabled={isPending} aria-busy={isPending} onClick={() => send({ type: 'SEND_CODE' })}>
            {isPending ? t('common.working') : t('verifyEmail.send')}
          </button>
          <LinkButton onClick={() => send({ type: 'SKIP' })}>{t('verifyEmail.skip')}</LinkButton>
        </div>
      </Screen>
    );
  }
  if (matches('entering') || matches('saving')) return <ContactEntry isEmail={isEmail} child={child} onCancel={onCancel} />;
  if (matches('verifying') || matches('resending') || matches('confirming')) {
    const title: MessageKey = isEmail ? 'contact.emailVerifyTitle' : 'account.phoneVerifyTitle';
    return (
      <Screen title={t(title)}>
        <p>{t('account.phoneSentTo', { destination: context.destination ?? '' })}</p>
        <Messages error={context.error} notice={context.notice && t(`notice.${context.notice}`)} />
        <CodeForm pending={isPending} submitLabel={t('account.phoneConfirm')} onCode={(code) => send({ type: 'SUBMIT_CODE', code })}>
          <SecondaryButton pending={isPending} onClick={() => send({ type: 'RESEND' })}>
            {t('account.phoneResend')}
          </SecondaryButton>
          <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
        </CodeForm>
      </Screen>
    );
  }
  return <LoadingScreen />;
}

function ContactEntry({ isEmail, child, onCancel }: { isEmail: boolean; child: ContactRef; onCancel: () => void }) {
  const t = useT();
  const { context, isPending, send } = useFlowState(child);
  const { register, handleSubmit, formState } = useForm<{ value: string }>({ defaultValues: { value: '' } });
  return (
    <Screen title={isEmail ? t('contact.emailTitle') : t('account.phoneTitle')}>
      <p>{isEmail ? t('contact.emailHelp') : t('account.phoneHelp')}</p>
      <Messages error={context.error} />
      <form noValidate onSubmit={handleSubmit(({ value }) => send({ type: 'SUBMIT_VALUE', value: isEmail ? value.trim() : normalizePhone(value) }))}>
        {isEmail ? (
          <TextField
            id="contact-email"
            label={t('field.email')}
            type="email"
            autoComplete="email"
            registration={register('value', { validate: (v) => EMAIL.test(v.trim()) || t('validation.email') })}
            error={formState.errors.value?.message}
          />
        ) : (
          <TextField
            id="phone"
            label={t('field.phone')}
            type="tel"
            autoComplete="tel"
            placeholder="+12065550100"
            registration={register('value', { validate: (v) => E164.test(normalizePhone(v)) || t('validation.phone') })}
            error={formState.errors.value?.message}
          />
        )}
        <FormActions pending={isPending} label={isEmail ? t('contact.emailSave') : t('account.phoneSave')}>
          <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}

export { EMAIL, E164, normalizePhone };
