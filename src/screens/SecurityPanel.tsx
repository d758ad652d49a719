import { useForm } from 'react-hook-form';
import { FormActions, LinkButton, SecondaryButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen, SectionHeading } from '../components/Screen';
import { useScopedId } from '../react/embed';
import { NewPasswordField, useNewPasswordRule } from '../components/NewPasswordField';
import { useT } from '../i18n';
import type { MfaType } from '../machine/types';
import { useSelector } from '@xstate/react';
import { type ContactRef, type DeleteAccountRef, type SecurityRef, useSecurityState } from '../react/auth';
import { DeleteAccountPanel, DeleteAccountSection } from './DeleteAccount';
import { ContactPanel } from './ContactPanel';
import { FederatedAccount, LinkedProviders } from './FederatedAccount';
import { federationOf, labelOf } from '../machine/federation';
import { LoadingScreen } from './Loading';
import { TotpSetupPanel } from './TotpSetupPanel';
import { DeviceList } from './DeviceList';
import { PasskeyList } from './PasskeyList';
import { useFlowConfig } from '../react/flow-config';
import type { SecurityEvent } from '../machine/security-machine';

export const maskPhone = (phone: string) => `+${'*'.repeat(Math.max(phone.replace(/^\+/, '').length - 4, 0))}${phone.slice(-4)}`;

/** The account-security screens over a running security machine (also used by the library's <AccountSecurity>). */
export function SecurityPanel({ child, onClose, onSignOut }: { child: SecurityRef; onClose?: (() => void) | undefined; onSignOut?: (() => void) | undefined }) {
  const t = useT();
  const { matches, context, isPending, send } = useSecurityState(child);
  const { emailMfa = false, providers = [] } = useFlowConfig();
  const prefix = useScopedId('');
  const scope = (id: string) => prefix + id;
  const contact = useSelector(child, (s) => s.children.contact as ContactRef | undefined);
  const deletion = useSelector(child, (s) => s.children.deleteAccount as DeleteAccountRef | undefined);
  const success = context.success && t(`success.${context.success}`);
  const back = onClose && (
    <LinkButton onClick={onClose}>{t('account.back')}</LinkButton>
  );

  if (matches('loadFailed')) {
    return (
      <Screen title={t('account.title')}>
        <p>{t('account.loadFailed')}</p>
        <Messages error={context.error} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => send({ type: 'RETRY' })}>
            {t('account.retry')}
          </button>
          {back}
        </div>
      </Screen>
    );
  }
  if (matches('confirmReplace')) {
    return (
      <Screen title={t('account.replaceTitle')}>
        <p className="warning">{t('account.replaceWarning')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => send({ type: 'CONFIRM_REPLACE' })}>
            {t('account.replaceConfirm')}
          </button>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </div>
      </Screen>
    );
  }
  if (matches('replaceUnfinished')) {
    return (
      <Screen title={t('account.unfinishedTitle')}>
        <p className="warning">{context.mfaRequired ? t('account.unfinishedRequired') : t('account.unfinishedOptional')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => send({ type: 'FINISH_SETUP' })}>
            {t('account.finishSetup')}
          </button>
          <LinkButton onClick={() => send({ type: 'LEAVE_OFF' })}>{t('account.leaveOff')}</LinkButton>
        </div>
      </Screen>
    );
  }
  if (matches('totpSetup')) {
    return (
      <Screen title={t('setup.title')}>
        <Messages error={context.error} />
        {context.totpSetup ? (
          <TotpSetupPanel secret={context.totpSetup.secret} uri={context.totpSetup.uri} pending={isPending} onCode={(code) => send({ type: 'SUBMIT_CODE', code })} onCancel={() => send({ type: 'CANCEL' })} />
        ) : (
          <p role="status">{t('app.loading')}</p>
        )}
      </Screen>
    );
  }
  if (matches('removeTotp')) return <RemoveTotp error={context.error} pending={isPending} send={send} />;
  if (matches('removePasskey')) return <RemoveTotp error={context.error} pending={isPending} send={send} passkey />;
  if (matches('phone') || matches('contactChange') || matches('emailForMfa')) {
    return contact ? <ContactPanel child={contact} onCancel={() => send({ type: 'CANCEL' })} /> : <LoadingScreen />;
  }
  if (matches('changePassword')) return <ChangePassword error={context.error} pending={isPending} send={send} />;
  if (matches('deletingAccount')) {
    const provider = context.security && federationOf(context.security.user).federatedUser?.provider;
    return deletion ? <DeleteAccountPanel child={deletion} provider={provider && labelOf(provider, providers)} onSignOut={onSignOut} /> : <LoadingScreen />;
  }
  // The library's <AccountSecurity> stays on this; inside the sign-in flow the sign-in screen says it.
  if (matches('accountDeleted')) {
    return (
      <Screen title={t('deleteAccount.title')}>
        <p role="status">{t('notice.accountDeleted')}</p>
      </Screen>
    );
  }

  const security = context.security;
  if (!security || matches('deletionCancelled')) return <LoadingScreen />;
  const federation = federationOf(security.user);
  const deleteSection = <DeleteAccountSection pending={isPending} onDelete={() => send({ type: 'DELETE_ACCOUNT' })} />;
  if (federation.federatedUser) return <FederatedAccount user={security.user} provider={federation.federatedUser.provider} back={back} deleteSection={deleteSection} />;
  const { enabled, preferred } = security.mfa;
  const phone = security.user.attributes.phone_number;
  const phoneVerified = security.user.attributes.phone_number_verified === 'true';
  const email = security.user.attributes.email;
  const emailVerified = security.user.attributes.email_verified === 'true';
  const ids = {
    sms: scope('sms-heading'),
    totp: scope('totp-heading'),
    email: scope('email-mfa-heading'),
    devices: scope('devices-heading'),
    contact: scope('contact-heading'),
    password: scope('password-heading'),
  };
  const verifiedText = (verified: boolean) => (verified ? t('account.phoneVerified') : t('account.phoneUnverified'));
  const on = (m: MfaType) => enabled.includes(m);
  const preferredControl = (m: MfaType) =>
    on(m) && enabled.length > 1 ? (
      preferred === m ? (
        <span className="badge">{t('account.preferred')}</span>
      ) : (
        <button type="button" className="secondary" aria-label={t(`account.makePreferred${m}`)} disabled={isPending} onClick={() => send({ type: 'SET_PREFERRED', mfa: m })}>
          {t('account.makePreferred')}
        </button>
      )
    ) : null;

  /** A factor that is simply on or off (SMS, e-mail codes): "Turn off" when on, "Turn on" when off, named for the factor. */
  const onOff = (isOn: boolean, names: { on: string; off: string }, events: { on: SecurityEvent; off: SecurityEvent }) => (
    <button type="button" className="secondary" aria-label={isOn ? names.off : names.on} disabled={isPending} onClick={() => send(isOn ? events.off : events.on)}>
      {isOn ? t('account.turnOff') : t('account.turnOn')}
    </button>
  );

  return (
    <Screen title={t('account.title')}>
      {context.mfaRequired && <p className="hint">{t('account.required')}</p>}
      <LinkedProviders names={federation.linked} />
      <Messages error={context.error} success={success} />
      <section className="factor" aria-labelledby={ids.sms} aria-busy={isPending}>
        <SectionHeading id={ids.sms}>{t('account.sms')}</SectionHeading>
        <p data-testid="sms-status">{on('SMS') && phone ? t('account.smsOn', { phone: maskPhone(phone) }) : t('account.smsOff')}</p>
        <p className="hint" data-testid="phone-status">
          {phone
            ? t('account.phoneOnFile', { phone: maskPhone(phone), verified: verifiedText(phoneVerified) })
            : t('account.noPhone')}
        </p>
        <div className="actions">
          {onOff(on('SMS'), { off: t('account.turnOffSms'), on: t('account.turnOnSms') }, { off: { type: 'DISABLE_SMS' }, on: { type: 'ENABLE_SMS' } })}
          {preferredControl('SMS')}
        </div>
      </section>
      <section className="factor" aria-labelledby={ids.totp} aria-busy={isPending}>
        <SectionHeading id={ids.totp}>{t('account.totp')}</SectionHeading>
        <p data-testid="totp-status">{context.totpSuspended ? t('account.totpSuspended') : on('TOTP') ? t('account.totpOn') : t('account.totpOff')}</p>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-label={on('TOTP') && !context.totpSuspended ? t('account.replaceTotpName') : t('account.setUpTotpName')}
            disabled={isPending}
            onClick={() => send({ type: 'SET_UP_TOTP' })}
          >
            {on('TOTP') && !context.totpSuspended ? t('account.replaceTotp') : t('account.setUpTotp')}
          </button>
          {on('TOTP') && !context.totpSuspended && (
            <button type="button" className="danger" aria-label={t('account.removeTotpName')} disabled={isPending} onClick={() => send({ type: 'REMOVE_TOTP' })}>
              {t('account.removeTotp')}
            </button>
          )}
          {preferredControl('TOTP')}
        </div>
      </section>
      {(emailMfa || on('EMAIL')) && (
        <section className="factor" aria-labelledby={ids.email} aria-busy={isPending}>
          <SectionHeading id={ids.email}>{t('account.emailMfa')}</SectionHeading>
          <p data-testid="email-mfa-status">{on('EMAIL') && email ? t('account.emailMfaOn', { email }) : t('account.smsOff')}</p>
          {!on('EMAIL') && !emailVerified && <p className="hint">{t('account.emailMfaNeedsVerified')}</p>}
          <div className="actions">
            {onOff(on('EMAIL'), { off: t('account.turnOffEmailMfa'), on: t('account.turnOnEmailMfa') }, { off: { type: 'DISABLE_EMAIL_MFA' }, on: { type: 'ENABLE_EMAIL_MFA' } })}
            {preferredControl('EMAIL')}
          </div>
        </section>
      )}
      {security.passkeys && <PasskeyList passkeys={security.passkeys} headingId={scope('passkeys-heading')} pending={isPending} send={send} />}
      {security.devices && <DeviceList devices={security.devices} headingId={ids.devices} pending={isPending} send={send} />}
      <section className="factor" aria-labelledby={ids.contact} aria-busy={isPending}>
        <SectionHeading id={ids.contact}>{t('account.contact')}</SectionHeading>
        <p data-testid="email-status">{email ? t('account.emailOnFile', { email, verified: verifiedText(emailVerified) }) : t('account.noEmail')}</p>
        <div className="actions">
          <SecondaryButton pending={isPending} onClick={() => send({ type: 'CHANGE_EMAIL' })}>
            {email ? t('account.changeEmail') : t('account.addEmail')}
          </SecondaryButton>
          {email && !emailVerified && (
            <SecondaryButton pending={isPending} onClick={() => send({ type: 'VERIFY_EMAIL' })}>
              {t('account.verifyEmail')}
            </SecondaryButton>
          )}
          {phone && (
            <SecondaryButton pending={isPending} onClick={() => send({ type: 'CHANGE_PHONE' })}>
              {t('account.changePhone')}
            </SecondaryButton>
          )}
        </div>
      </section>
      <section className="factor" aria-labelledby={ids.password}>
        <SectionHeading id={ids.password}>{t('account.password')}</SectionHeading>
        <div className="actions">
          <SecondaryButton pending={isPending} onClick={() => send({ type: 'CHANGE_PASSWORD' })}>
            {t('account.changePassword')}
          </SecondaryButton>
        </div>
      </section>
      {deleteSection}
      <div className="actions">{back}</div>
    </Screen>
  );
}

type Send = ReturnType<typeof useSecurityState>['send'];
type ErrorProp = ReturnType<typeof useSecurityState>['context']['error'];

/** The password, checked by the backend, before the authenticator app or a passkey goes. */
function RemoveTotp({ error, pending, send, passkey = false }: { error: ErrorProp; pending: boolean; send: Send; passkey?: boolean }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  return (
    <Screen title={passkey ? t('account.removePasskeyTitle') : t('account.removeTitle')}>
      <p>{t('account.removeHelp')}</p>
      <Messages error={error} />
      <form noValidate onSubmit={handleSubmit(({ password }) => send({ type: 'SUBMIT_PASSWORD', password }))}>
        <PasswordField
          id="confirm-current-password"
          label={t('field.password')}
          autoComplete="current-password"
          registration={register('password', { validate: (v) => v !== '' || t('validation.required', { field: t('field.password').toLowerCase() }) })}
          error={formState.errors.password?.message}
        />
        <FormActions pending={pending} label={passkey ? t('account.removePasskeySubmit') : t('account.removeSubmit')} kind="danger">
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}

function ChangePassword({ error, pending, send }: { error: ErrorProp; pending: boolean; send: Send }) {
  const t = useT();
  const rule = useNewPasswordRule();
  const { register, handleSubmit, formState, watch } = useForm<{ current: string; next: string }>({ defaultValues: { current: '', next: '' } });
  return (
    <Screen title={t('account.changePasswordTitle')}>
      <Messages error={error} />
      <form noValidate onSubmit={handleSubmit(({ current, next }) => send({ type: 'SUBMIT_PASSWORD_CHANGE', oldPassword: current, newPassword: next }))}>
        <PasswordField
          id="current-password"
          label={t('field.currentPassword')}
          autoComplete="current-password"
          registration={register('current', { validate: (v) => v !== '' || t('validation.required', { field: t('field.currentPassword').toLowerCase() }) })}
          error={formState.errors.current?.message}
        />
        <NewPasswordField id="changed-password" label={t('field.newPassword')} registration={register('next', rule)} error={formState.errors.next?.message} value={watch('next')} />
        <FormActions pending={pending} label={t('account.changePassword')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
