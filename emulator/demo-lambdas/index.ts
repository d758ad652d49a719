/**
 * The demo pool's Lambda triggers (npm start, and the e2e pools that ask for them): each module is
 * what a team would deploy to Lambda, run here as a local handler by function name.
 */
import type { LambdaHandler } from '../services/lambdas.js';
import { handler as createAuthChallenge } from './create-auth-challenge.js';
import { handler as defineAuthChallenge } from './define-auth-challenge.js';
import { handler as preAuthentication } from './pre-authentication.js';
import { handler as preSignUp } from './pre-sign-up.js';
import { handler as userMigration } from './user-migration.js';
import { handler as verifyAuthChallenge } from './verify-auth-challenge.js';

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

export const DEMO_LAMBDAS: Record<string, LambdaHandler> = {
  'demo-pre-sign-up': preSignUp as LambdaHandler,
  'demo-pre-authentication': preAuthentication as LambdaHandler,
  'demo-define-auth-challenge': defineAuthChallenge as LambdaHandler,
  'demo-create-auth-challenge': createAuthChallenge as LambdaHandler,
  'demo-verify-auth-challenge': verifyAuthChallenge as LambdaHandler,
  'demo-user-migration': userMigration as LambdaHandler,
};

/** LambdaConfig naming them (CreateUserPool / UpdateUserPool). */
export const DEMO_LAMBDA_CONFIG = {
  PreSignUp: arn('demo-pre-sign-up'),
  PreAuthentication: arn('demo-pre-authentication'),
  DefineAuthChallenge: arn('demo-define-auth-challenge'),
  CreateAuthChallenge: arn('demo-create-auth-challenge'),
  VerifyAuthChallengeResponse: arn('demo-verify-auth-challenge'),
  UserMigration: arn('demo-user-migration'),
};

/** The custom attribute the demo's security question reads. */
export const DEMO_TRIGGER_ATTRIBUTES = [{ Name: 'pet', AttributeDataType: 'String', Mutable: true }];
