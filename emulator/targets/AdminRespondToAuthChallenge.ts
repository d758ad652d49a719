import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { requireClient } from '../services/users.js';
import { CLIENT_ID, optObject, optString, optStringMap, reqString } from '../validate.js';
import { answerChallenge } from './RespondToAuthChallenge.js';

export const AdminRespondToAuthChallenge: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  const name = reqString(body, 'ChallengeName', { max: 64 });
  const responses = optStringMap(body, 'ChallengeResponses') ?? new Map<string, string>();
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'ContextData');
  return answerChallenge(svc, pool, client, name, responses, optString(body, 'Session', { min: 20, max: 2048 }));
};
