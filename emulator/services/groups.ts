/**
 * User-pool groups: what CreateGroup and its family keep, and the claims membership puts in tokens
 * (`cognito:groups` in ID and access tokens, `cognito:roles` and `cognito:preferred_role` in ID
 * tokens: API reference, CreateGroup RoleArn).
 */
import { CognitoError, invalidParameter, resourceNotFound } from '../errors.js';
import { ARN, type Body, optNumber, optString, reqString } from '../validate.js';
import type { Store } from './store.js';
import type { Services } from '../context.js';
import { usernameParam } from '../access.js';
import type { PoolRecord } from './model.js';
import { requireUser } from './users.js';

export interface GroupRecord {
  poolId: string;
  name: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  /** ms */
  createdAt: number;
  lastModifiedAt: number;
}

export const groupNameParam = (body: Body) => reqString(body, 'GroupName', { max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u });
export const descriptionParam = (body: Body) => optString(body, 'Description', { max: 2048 });
/** "The maximum Precedence value is 2^31-1" (API reference, CreateGroup). */
export const precedenceParam = (body: Body) => optNumber(body, 'Precedence', 0, 2 ** 31 - 1);

/** An ARN (validate.ts) of an IAM role: the group's role is one an identity pool can hand out. */
const IAM_ROLE = /^arn:[\w-]+:iam::[0-9]+:role\//;

export function roleArnParam(body: Body): string | undefined {
  const arn = optString(body, 'RoleArn', { min: 20, max: 2048, pattern: ARN });
  // Wording ours (not established).
  if (arn !== undefined && !IAM_ROLE.test(arn)) throw invalidParameter(`${arn} is not a valid IAM role ARN.`);
  return arn;
}

export function requireGroup(store: Store, poolId: string, name: string): GroupRecord {
  const group = store.getGroup(poolId, name);
  if (!group) throw resourceNotFound('Group not found.');
  return group;
}

// Wording ours (not established): moto answers "A group with the name already exists".
export const groupExists = (name: string) => new CognitoError('GroupExistsException', `A group with the name ${name} already exists.`);

/** GroupType; dates in epoch seconds, as the SDK parses them. */
export const describeGroup = (g: GroupRecord) => ({
  GroupName: g.name,
  UserPoolId: g.poolId,
  ...(g.description !== undefined ? { Description: g.description } : {}),
  ...(g.roleArn !== undefined ? { RoleArn: g.roleArn } : {}),
  ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
  LastModifiedDate: g.lastModifiedAt / 1000,
  CreationDate: g.createdAt / 1000,
});

/** Paging of the group lists: Limit 0–60 (0 and none: 60), NextToken opaque. */
export function listLimit(body: Body): number {
  return optNumber(body, 'Limit', 0, 60) || 60;
}
export const nextTokenParam = (body: Body) => optString(body, 'NextToken', { min: 1, max: 131_072, pattern: /^\S+$/ });

/** Lowest precedence first; groups without one last (in the order they were made). */
const byPrecedence = (a: GroupRecord, b: GroupRecord) => (a.precedence ?? Infinity) - (b.precedence ?? Infinity);

/**
 * The group claims of a user's tokens, read once per issue so both tokens agree. `cognito:groups`
 * (ID and access tokens) and `cognito:roles` are in precedence order; `cognito:preferred_role` is
 * the role of the highest-precedence groups that have one, left out when groups of the same
 * precedence have different roles ("neither group takes precedence over the other", API reference,
 * CreateGroup Precedence). No groups: no claims.
 */
export function groupClaims(store: Store, poolId: string, username: string): { id: Record<string, unknown>; access: Record<string, unknown> } {
  const groups = store.groupsOfUser(poolId, username).sort(byPrecedence);
  if (!groups.length) return { id: {}, access: {} };
  const names = groups.map((g) => g.name);
  const withRole = groups.filter((g) => g.roleArn !== undefined);
  const roles = [...new Set(withRole.map((g) => g.roleArn!))];
  const top = withRole.filter((g) => g.precedence === withRole[0]?.precedence);
  const preferred = new Set(top.map((g) => g.roleArn!));
  return {
    access: { 'cognito:groups': names },
    id: {
      'cognito:groups': names,
      ...(roles.length ? { 'cognito:roles': roles } : {}),
      ...(preferred.size === 1 ? { 'cognito:preferred_role': [...preferred][0] } : {}),
    },
  };
}

/** AdminAddUserToGroup / AdminRemoveUserFromGroup: the group and the user must exist; doing it twice is no error. */
export function changeMembership(svc: Services, pool: PoolRecord, body: Body, change: 'add' | 'remove'): void {
  const username = usernameParam(body);
  const name = groupNameParam(body);
  svc.store.transaction(() => {
    requireGroup(svc.store, pool.id, name);
    const user = requireUser(svc.store, pool, username);
    if (change === 'add') svc.store.addGroupMember(pool.id, name, user.username);
    else svc.store.removeGroupMember(pool.id, name, user.username);
  });
}
