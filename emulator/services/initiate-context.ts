/**
 * Which triggers see a request's ClientMetadata. (Admin)InitiateAuth passes it "to the functions for
 * only the following triggers: Pre sign-up, Pre authentication, User migration"; it "invokes the
 * following triggers without ClientMetadata as input: Post authentication, Custom message, Pre token
 * generation, Create auth challenge, Define auth challenge" (API reference, InitiateAuth and
 * AdminInitiateAuth, ClientMetadata). (Admin)RespondToAuthChallenge passes it to define, create and
 * verify auth challenge and pre token generation (API reference, RespondToAuthChallenge ClientMetadata).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { metadataField } from './trigger-events.js';

const initiating = new AsyncLocalStorage<boolean>();

/** Runs (Admin)InitiateAuth's work: the challenge and token triggers it reaches get no clientMetadata. */
export const duringInitiateAuth = <T>(run: () => T): T => initiating.run(true, run);

/** `clientMetadata` for the challenge triggers and PreTokenGeneration: present when the caller gave it, outside InitiateAuth. */
export const challengeMetadataField = (): { clientMetadata?: Record<string, string> } => (initiating.getStore() ? {} : metadataField());
