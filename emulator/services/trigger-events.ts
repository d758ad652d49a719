/**
 * The requests of the sign-up and sign-in triggers (PreSignUp, PostConfirmation, PreAuthentication,
 * PostAuthentication), as the developer guide's trigger pages document them, and how Cognito applies
 * their answers. DG = Amazon Cognito Developer Guide. The request's ClientMetadata reaches every
 * trigger it runs (API reference, ClientMetadata of each operation): it is kept for the request here,
 * so the code between an operation and its triggers need not carry it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Services } from '../context.js';
import type { Body } from '../validate.js';
import type { ClientRecord, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { invalidResponse, responseBoolean, runTrigger } from './triggers.js';

const requestMetadata = new AsyncLocalStorage<Record<string, string> | undefined>();

/** Runs an operation with its request's ClientMetadata at hand for the triggers (the operation itself validates it). */
export function withClientMetadata<T>(body: Body, run: () => T): T {
  const given = body.ClientMetadata;
  const metadata =
    typeof given === 'object' && given !== null && !Array.isArray(given) && Object.values(given).every((v) => typeof v === 'string')
      ? (given as Record<string, string>)
      : undefined;
  return requestMetadata.run(metadata, run);
}

/** The current request's ClientMetadata, if it had one. */
export const clientMetadata = (): Record<string, string> | undefined => requestMetadata.getStore();

/** `clientMetadata` for a trigger's request: present only when the caller gave it. */
export const metadataField = (): { clientMetadata?: Record<string, string> } => {
  const metadata = clientMetadata();
  return metadata ? { clientMetadata: metadata } : {};
};

/*
 * Which triggers see a request's ClientMetadata. (Admin)InitiateAuth passes it "to the functions for
 * only the following triggers: Pre sign-up, Pre authentication, User migration"; it "invokes the
 * following triggers without ClientMetadata as input: Post authentication, Custom message, Pre token
 * generation, Create auth challenge, Define auth challenge" (API reference, InitiateAuth and
 * AdminInitiateAuth, ClientMetadata). (Admin)RespondToAuthChallenge passes it to post authentication,
 * pre token generation and the three challenge triggers (API reference, RespondToAuthChallenge
 * ClientMetadata); every other operation to every trigger it runs.
 */
const initiating = new AsyncLocalStorage<boolean>();

/** Runs (Admin)InitiateAuth's work: the triggers it runs without ClientMetadata get none. */
export const duringInitiateAuth = <T>(run: () => T): T => initiating.run(true, run);

/** `clientMetadata` for the triggers InitiateAuth runs without it: present when the caller gave it, outside InitiateAuth. */
export const metadataUnlessInitiating = (): { clientMetadata?: Record<string, string> } => (initiating.getStore() ? {} : metadataField());

/** An attribute list (SignUp's ValidationData…) as the map a trigger's request carries. */
export const attributeMap = (list: { Name: string; Value: string }[] | undefined): Record<string, string> | undefined =>
  list ? Object.fromEntries(list.map((a) => [a.Name, a.Value])) : undefined;

/**
 * A user's attributes as triggers see them: every attribute, and `cognito:user_status` (the
 * developer guide's sample events of PostConfirmation, PostAuthentication and CustomMessage show it).
 */
export function eventAttributes(user: UserRecord): Record<string, string> {
  return { ...Object.fromEntries(user.attributes), 'cognito:user_status': user.status };
}

export interface PreSignUpOutcome {
  confirm: boolean;
  verifyEmail: boolean;
  verifyPhone: boolean;
}

/**
 * PreSignUp (DG, "Pre sign-up Lambda trigger"): before the user exists. A throw refuses the sign-up;
 * the answer may confirm the user and verify the e-mail / phone. "If autoVerifyEmail is set to true,
 * the email attribute must have a valid, non-null value. Otherwise an error will occur and the user
 * will not be able to complete sign-up" (same for autoVerifyPhone; the error's wording is ours).
 * AdminCreateUser and a first federated sign-in ignore the answer ("Response parameters ... are
 * ignored by Amazon Cognito when the Pre Sign-up lambda is triggered by the AdminCreateUser API").
 */
export async function preSignUp(
  svc: Services,
  pool: PoolRecord,
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider',
  user: UserRecord,
  options: { clientId?: string | undefined; validationData?: Record<string, string> | undefined },
): Promise<PreSignUpOutcome> {
  const none = { confirm: false, verifyEmail: false, verifyPhone: false };
  const response = await runTrigger(svc, pool, 'PreSignUp', () => ({
    triggerSource: source,
    userName: user.username,
    clientId: options.clientId,
    // The user doesn't exist yet: the attributes given (not the sub, nor the "false" verification
    // flags the emulator keeps). validationData is null when none was sent (Powertools'
    // PreSignupTriggerSchema: nullable).
    request: {
      userAttributes: Object.fromEntries(user.attributes.filter(([n, v]) => n !== 'sub' && !(n.endsWith('_verified') && v === 'false'))),
      validationData: options.validationData ?? null,
      ...metadataField(),
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }));
  if (!response || source !== 'PreSignUp_SignUp') return none;
  const outcome = {
    confirm: responseBoolean(response, 'autoConfirmUser') ?? false,
    verifyEmail: responseBoolean(response, 'autoVerifyEmail') ?? false,
    verifyPhone: responseBoolean(response, 'autoVerifyPhone') ?? false,
  };
  if (outcome.verifyEmail && !getAttribute(user, 'email')) {
    throw invalidResponse('autoVerifyEmail is true but the user has no email attribute.');
  }
  if (outcome.verifyPhone && !getAttribute(user, 'phone_number')) {
    throw invalidResponse('autoVerifyPhone is true but the user has no phone_number attribute.');
  }
  return outcome;
}

/**
 * PostConfirmation (DG, "Post confirmation Lambda trigger"): "after a signed-up user confirms their
 * user account", on ConfirmSignUp, AdminConfirmSignUp and ConfirmForgotPassword. The guide says
 * nothing of undoing the confirmation when the function fails: the confirmation stands and the
 * caller gets the function's error.
 */
export async function postConfirmation(
  svc: Services,
  pool: PoolRecord,
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  user: UserRecord,
  clientId?: string,
): Promise<void> {
  await runTrigger(svc, pool, 'PostConfirmation', () => ({
    triggerSource: source,
    userName: user.username,
    clientId,
    request: { userAttributes: eventAttributes(user), ...metadataField() },
  }));
}

/**
 * PreAuthentication (DG, "Pre authentication Lambda trigger"): before the password is checked. Its
 * validationData is the sign-in's ClientMetadata ("You can pass this data to your Lambda function by
 * using the ClientMetadata parameter in the InitiateAuth and AdminInitiateAuth API actions");
 * userNotFound "is populated when PreventUserExistenceErrors is set to ENABLED", and then Cognito
 * calls it for a user that doesn't exist too (DG, "Managing user existence error responses").
 */
export async function preAuthentication(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord | undefined, username: string): Promise<void> {
  const enabled = client.preventUserExistenceErrors === 'ENABLED';
  if (!user && !enabled) return;
  await runTrigger(svc, pool, 'PreAuthentication', () => ({
    triggerSource: 'PreAuthentication_Authentication',
    userName: user?.username ?? username,
    clientId: client.id,
    request: {
      userAttributes: user ? eventAttributes(user) : {},
      validationData: clientMetadata() ?? {},
      ...(enabled ? { userNotFound: !user } : {}),
    },
  }));
}

/**
 * PostAuthentication (DG, "Post authentication Lambda trigger"): after the user has signed in,
 * before the tokens go back; a throw refuses them. newDeviceUsed "is set only if the remembered
 * devices value of the user pool is set to Always or User Opt-In".
 */
export async function postAuthentication(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, newDeviceUsed: boolean | undefined): Promise<void> {
  await runTrigger(svc, pool, 'PostAuthentication', () => ({
    triggerSource: 'PostAuthentication_Authentication',
    userName: user.username,
    clientId: client.id,
    request: { userAttributes: eventAttributes(user), ...(newDeviceUsed === undefined ? {} : { newDeviceUsed }), ...metadataUnlessInitiating() },
  }));
}
