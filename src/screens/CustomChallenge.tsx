import { useForm } from 'react-hook-form';
import { FormActions, LinkButton } from '../components/FormActions';
import { Messages } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import type { AuthError } from '../machine/types';
import { type CustomChallengeRef, useAuth, useChild, useFlowState } from '../react/auth';
import { useFlowConfig } from '../react/flow-config';
import { LoadingScreen } from './Loading';

/** Public parameters that hold the prompt, in the order looked for; USERNAME is Cognito's own. */
const PROMPT_KEYS = ['question', 'prompt', 'message', 'challenge', 'hint'];
const HIDDEN = new Set(['USERNAME', 'username']);

/** What to show of a challenge: its prompt, and any other public parameters (labelled by their names). */
export function challengeText(parameters: Readonly<Record<string, string>>): { prompt?: string; details: [string, string][] } {
  const key = PROMPT_KEYS.find((k) => parameters[k]?.trim());
  const details = Object.entries(parameters).filter(([k, v]) => k !== key && !HIDDEN.has(k) && v.trim() !== '');
  return { ...(key ? { prompt: parameters[key] } : {}), details };
}

/** A custom challenge (custom-challenge-machine.ts): the trigger's prompt and the answer, or a library host's own UI. */
export default function CustomChallengeScreen() {
  const child = useChild('customChallenge');
  const { send } = useAuth();
  if (!child) return <LoadingScreen />;
  return <CustomChallengePanel child={child} onCancel={() => send({ type: 'CANCEL' })} />;
}

function CustomChallengePanel({ child, onCancel }: { child: CustomChallengeRef; onCancel: () => void }) {
  const t = useT();
  const { context, isPending, send } = useFlowState(child);
  const { renderCustomChallenge } = useFlowConfig();
  const answer = (value: string) => send({ type: 'SUBMIT_ANSWER', answer: value });
  const notice = context.notice === 'notAccepted' ? t('customChallenge.notAccepted') : undefined;
  const hosted = renderCustomChallenge?.({ parameters: context.parameters, pending: isPending, notAccepted: context.notice === 'notAccepted', error: context.error, answer, cancel: onCancel });
  return (
    <Screen title={t('customChallenge.title')}>
      {hosted ?? <AnswerForm key={context.round} parameters={context.parameters} pending={isPending} onAnswer={answer} onCancel={onCancel} error={context.error} notice={notice} />}
    </Screen>
  );
}

function AnswerForm({
  parameters,
  pending,
  onAnswer,
  onCancel,
  error,
  notice,
}: {
  parameters: Readonly<Record<string, string>>;
  pending: boolean;
  onAnswer: (answer: string) => void;
  onCancel: () => void;
  error: AuthError | undefined;
  notice: string | undefined;
}) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<{ answer: string }>({ defaultValues: { answer: '' } });
  const { prompt, details } = challengeText(parameters);
  return (
    <>
      <p id="challenge-prompt">{prompt ?? t('customChallenge.help')}</p>
      {details.length > 0 && (
        <dl className="challenge-details">
          {details.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <Messages error={error} notice={notice} />
      <form noValidate onSubmit={handleSubmit(({ answer }) => onAnswer(answer))}>
        <TextField
          id="challenge-answer"
          label={t('customChallenge.answer')}
          autoComplete="off"
          registration={register('answer', { validate: (v) => v.trim() !== '' || t('customChallenge.answerRequired') })}
          error={formState.errors.answer?.message}
        />
        <FormActions pending={pending} label={t('common.continue')}>
          <LinkButton onClick={onCancel}>{t('common.back')}</LinkButton>
        </FormActions>
      </form>
    </>
  );
}
