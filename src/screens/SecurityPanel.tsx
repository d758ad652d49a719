import { useForm } from 'react-hook-form';
import { CodeForm } from '../components/CodeForm';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { PasswordField } from '../components/PasswordField';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import type { MfaType } from '../machine/types';
import { type SecurityRef, useSecurityState } from '../react/auth';
import { LoadingScreen } from './Loading';
import { TotpSetupPanel } from './TotpSetupPanel';

export const maskPhone = (phone: string) => `+${'*'.repeat(Math.max(phone.replace(/^\+/, '').length - 4, 0))}${phone.slice(-4)}`;
const E164 = /^\+[1-9]\d{6,14}$/;

/** The account-security screens over a running security machine (also used by the library's <AccountSecurity>). */
export function SecurityPanel({ child, onClose }: { child: SecurityRef; onClose?: (() => void) | undefined }) {
  const t = useT();
  const { matches, context, isPending, send } = useSecurityState(child);
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
  if (matches({ phone: 'entering' }) || matches({ phone: 'saving' })) return <PhoneEntry error={context.error} pending={isPending} send={send} />;
  if (matches('phone')) {
    return (
      <Screen title={t('account.phoneVerifyTitle')}>
        <p>{t('account.phoneSentTo', { destination: context.phoneDestination ?? '' })}</p>
        <Messages error={context.error} />
        <CodeForm pending={isPending} onCode={(code) => send({ type: 'SUBMIT_CODE', code })}>
          <button type="button" className="secondary" disabled={isPending} onClick={() => send({ type: 'RESEND_PHONE_CODE' })}>
            {t('account.phoneResend')}
          </button>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </CodeForm>
      </Screen>
    );
  }

  const security = context.security;
  if (!security) return <LoadingScreen />;
  const { enabled, preferred } = security.mfa;
  const phone = security.user.attributes.phone_number;
  const phoneVerified = security.user.attributes.phone_number_verified === 'true';
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

  return (
    <Screen title={t('account.title')}>
      {context.mfaRequired && <p className="hint">{t('account.required')}</p>}
      <Messages error={context.error} success={success} />
      <section className="factor" aria-labelledby="sms-heading" aria-busy={isPending}>
        <h2 id="sms-heading">{t('account.sms')}</h2>
        <p data-testid="sms-status">{on('SMS') && phone ? t('account.smsOn', { phone: maskPhone(phone) }) : t('account.smsOff')}</p>
        <p className="hint" data-testid="phone-status">
          {phone
            ? t('account.phoneOnFile', { phone: maskPhone(phone), verified: phoneVerified ? t('account.phoneVerified') : t('account.phoneUnverified') })
            : t('account.noPhone')}
        </p>
        <div className="actions">
          {on('SMS') ? (
            <button type="button" className="secondary" aria-label={t('account.turnOffSms')} disabled={isPending} onClick={() => send({ type: 'DISABLE_SMS' })}>
              {t('account.turnOff')}
            </button>
          ) : (
            <button type="button" className="secondary" aria-label={t('account.turnOnSms')} disabled={isPending} onClick={() => send({ type: 'ENABLE_SMS' })}>
              {t('account.turnOn')}
            </button>
          )}
          {preferredControl('SMS')}
        </div>
      </section>
      <section className="factor" aria-labelledby="totp-heading" aria-busy={isPending}>
        <h2 id="totp-heading">{t('account.totp')}</h2>
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
      <div className="actions">{back}</div>
    </Screen>
  );
}

type Send = ReturnType<typeof useSecurityState>['send'];
type ErrorProp = ReturnType<typeof useSecurityState>['context']['error'];

function RemoveTotp({ error, pending, send }: { error: ErrorProp; pending: boolean; send: Send }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });
  return (
    <Screen title={t('account.removeTitle')}>
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
        <FormActions pending={pending} label={t('account.removeSubmit')} kind="danger">
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}

function PhoneEntry({ error, pending, send }: { error: ErrorProp; pending: boolean; send: Send }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ phone: string }>({ defaultValues: { phone: '' } });
  return (
    <Screen title={t('account.phoneTitle')}>
      <p>{t('account.phoneHelp')}</p>
      <Messages error={error} />
      <form noValidate onSubmit={handleSubmit(({ phone }) => send({ type: 'SUBMIT_PHONE', phoneNumber: phone.replace(/[\s()-]/g, '') }))}>
        <TextField
          id="phone"
          label={t('field.phone')}
          type="tel"
          autoComplete="tel"
          placeholder="+12065550100"
          registration={register('phone', { validate: (v) => E164.test(v.replace(/[\s()-]/g, '')) || t('validation.phone') })}
          error={formState.errors.phone?.message}
        />
        <FormActions pending={pending} label={t('account.phoneSave')}>
          <LinkButton onClick={() => send({ type: 'CANCEL' })}>{t('common.cancel')}</LinkButton>
        </FormActions>
      </form>
    </Screen>
  );
}
