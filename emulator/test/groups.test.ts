/**
 * User-pool groups: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups,
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup, and the
 * group claims of tokens. AR = API reference.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  type CreateGroupCommandInput,
  DeleteGroupCommand,
  DeleteUserCommand,
  DeleteUserPoolCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { MEMORY } from '../services/store.js';
import { advanceClock, type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const ROLE_A = 'arn:aws:iam::123456789012:role/group-a';
const ROLE_B = 'arn:aws:iam::123456789012:role/group-b';
const ROLE_C = 'arn:aws:iam::123456789012:role/group-c';
const NO_POOL = 'eu-west-1_nopenopen';

const createGroup = (input: CreateGroupCommandInput) => h.sdk.send(new CreateGroupCommand(input));
const addToGroup = (poolId: string, username: string, group: string) => h.sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: group }));
const groupsOf = async (poolId: string, username: string) => (await h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username }))).Groups!.map((g) => g.GroupName);
const membersOf = async (poolId: string, group: string) => (await h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: group }))).Users!.map((u) => u.Username);

/** Every page of a paged list, with the page sizes. */
async function allPages(list: (token: string | undefined) => Promise<[string[], string | undefined]>): Promise<{ items: string[]; sizes: number[] }> {
  const items: string[] = [];
  const sizes: number[] = [];
  let token: string | undefined;
  do {
    const [page, next] = await list(token);
    items.push(...page);
    sizes.push(page.length);
    token = next;
  } while (token);
  return { items, sizes };
}

describe('CreateGroup and GetGroup (AR)', () => {
  it('creates a group and answers GroupType, dates as the SDK parses them', async () => {
    const { poolId } = await createPool(h.sdk);
    const { Group } = await createGroup({ UserPoolId: poolId, GroupName: 'admins', Description: 'The admins', RoleArn: ROLE_A, Precedence: 1 });
    expect(Group).toMatchObject({ GroupName: 'admins', UserPoolId: poolId, Description: 'The admins', RoleArn: ROLE_A, Precedence: 1 });
    expect(Group!.CreationDate).toBeInstanceOf(Date);
    expect(Group!.LastModifiedDate).toEqual(Group!.CreationDate);
    expect((await h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }))).Group).toEqual(Group);

    // Only the name is required; what isn't given isn't answered.
    const { Group: bare } = await createGroup({ UserPoolId: poolId, GroupName: 'readers' });
    expect(Object.keys(bare!).sort()).toEqual(['CreationDate', 'GroupName', 'LastModifiedDate', 'UserPoolId']);
    // Precedence 0 is a value (the highest precedence), not an absent one.
    expect((await createGroup({ UserPoolId: poolId, GroupName: 'top', Precedence: 0 })).Group!.Precedence).toBe(0);
    // Any letter, mark, symbol, number or punctuation.
    expect((await createGroup({ UserPoolId: poolId, GroupName: 'Ünïcødé-✓_1.@' })).Group!.GroupName).toBe('Ünïcødé-✓_1.@');
  });

  it('refuses a name already used in the pool (another pool may use it)', async () => {
    const { poolId } = await createPool(h.sdk);
    const { poolId: otherPool } = await createPool(h.sdk);
    await createGroup({ UserPoolId: poolId, GroupName: 'dup' });
    await expectCognitoError(createGroup({ UserPoolId: poolId, GroupName: 'dup' }), 'GroupExistsException', 'A group with the name dup already exists.');
    await createGroup({ UserPoolId: otherPool, GroupName: 'dup' });
  });

  it('validates the name, description, precedence and role', async () => {
    const { poolId } = await createPool(h.sdk);
    const invalid = (input: Omit<CreateGroupCommandInput, 'UserPoolId'>, message?: RegExp) => expectCognitoError(createGroup({ UserPoolId: poolId, ...input }), 'InvalidParameterException', message);
    await invalid({ GroupName: '' });
    await invalid({ GroupName: 'x'.repeat(129) }, /GroupName.*length less than or equal to 128/);
    await invalid({ GroupName: 'has space' }, /GroupName.*regular expression/);
    await invalid({ GroupName: 'ok', Description: 'd'.repeat(2049) }, /Description.*length less than or equal to 2048/);
    await invalid({ GroupName: 'ok', Precedence: -1 }, /Precedence/);
    await invalid({ GroupName: 'ok', Precedence: 2 ** 31 }, /Precedence/);
    await invalid({ GroupName: 'ok', RoleArn: 'not-an-arn-at-all-really' }, /RoleArn/);
    await invalid({ GroupName: 'ok', RoleArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f' });
    await expectCognitoError(h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'ok' })), 'ResourceNotFoundException');
    // The largest precedence is 2^31-1.
    expect((await createGroup({ UserPoolId: poolId, GroupName: 'last', Precedence: 2 ** 31 - 1 })).Group!.Precedence).toBe(2 ** 31 - 1);
  });

  it('answers ResourceNotFoundException for an unknown pool or group', async () => {
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(createGroup({ UserPoolId: NO_POOL, GroupName: 'g' }), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
    await expectCognitoError(h.sdk.send(new GetGroupCommand({ UserPoolId: NO_POOL, GroupName: 'g' })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
    await expectCognitoError(h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'g' })), 'ResourceNotFoundException', 'Group not found.');
  });
});

describe('UpdateGroup (AR)', () => {
  it('changes the fields given and keeps the others', async () => {
    const { poolId } = await createPool(h.sdk);
    const { Group: created } = await createGroup({ UserPoolId: poolId, GroupName: 'staff', Description: 'Staff', RoleArn: ROLE_A, Precedence: 5 });
    await advanceClock(h.emulator, 60);
    const { Group } = await h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'staff', Precedence: 2 }));
    expect(Group).toMatchObject({ GroupName: 'staff', Description: 'Staff', RoleArn: ROLE_A, Precedence: 2, CreationDate: created!.CreationDate });
    expect(Group!.LastModifiedDate!.getTime()).toBeGreaterThan(created!.LastModifiedDate!.getTime());

    await h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'staff', Description: 'All staff', RoleArn: ROLE_B }));
    expect((await h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }))).Group).toMatchObject({ Description: 'All staff', RoleArn: ROLE_B, Precedence: 2 });
  });

  it('refuses an unknown group or pool and invalid values', async () => {
    const { poolId } = await createPool(h.sdk);
    await createGroup({ UserPoolId: poolId, GroupName: 'g' });
    await expectCognitoError(h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'nope', Precedence: 1 })), 'ResourceNotFoundException', 'Group not found.');
    await expectCognitoError(h.sdk.send(new UpdateGroupCommand({ UserPoolId: NO_POOL, GroupName: 'g' })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
    await expectCognitoError(h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'g', Precedence: -1 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'g', RoleArn: 'x' })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'g', Description: 'd'.repeat(2049) })), 'InvalidParameterException');
    expect(Object.keys((await h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'g' }))).Group!)).not.toContain('Precedence');
  });
});

describe('DeleteGroup (AR)', () => {
  it('deletes the group and its memberships; the name can be used again', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'del-ann');
    await createGroup({ UserPoolId: poolId, GroupName: 'gone' });
    await createGroup({ UserPoolId: poolId, GroupName: 'kept' });
    await addToGroup(poolId, 'del-ann', 'gone');
    await addToGroup(poolId, 'del-ann', 'kept');
    await h.sdk.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'gone' }));
    await expectCognitoError(h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'gone' })), 'ResourceNotFoundException', 'Group not found.');
    expect(await groupsOf(poolId, 'del-ann')).toEqual(['kept']);
    await createGroup({ UserPoolId: poolId, GroupName: 'gone' });
    expect(await membersOf(poolId, 'gone')).toEqual([]);
  });

  it('refuses an unknown group or pool', async () => {
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(h.sdk.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'nope' })), 'ResourceNotFoundException', 'Group not found.');
    await expectCognitoError(h.sdk.send(new DeleteGroupCommand({ UserPoolId: NO_POOL, GroupName: 'nope' })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
  });
});

describe('ListGroups (AR)', () => {
  it('pages with Limit and NextToken, in the order the groups were made', async () => {
    const { poolId } = await createPool(h.sdk);
    const names = ['g1', 'g2', 'g3', 'g4', 'g5'];
    for (const name of names) await createGroup({ UserPoolId: poolId, GroupName: name });
    const paged = await allPages(async (token) => {
      const r = await h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2, NextToken: token }));
      return [r.Groups!.map((g) => g.GroupName!), r.NextToken];
    });
    expect(paged).toEqual({ items: names, sizes: [2, 2, 1] });
    // No Limit, 0 or more than there are: all of them, without a token.
    for (const Limit of [undefined, 0, 60]) {
      const r = await h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, Limit }));
      expect(r.Groups!.map((g) => g.GroupName)).toEqual(names);
      expect(r.NextToken).toBeUndefined();
    }
    expect((await h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 5 }))).NextToken).toBeUndefined();
  });

  it('answers an empty list for a pool without groups, and refuses bad paging or an unknown pool', async () => {
    const { poolId } = await createPool(h.sdk);
    expect((await h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups).toEqual([]);
    await expectCognitoError(h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: -1 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId, NextToken: 'bm90LWEtbnVtYmVy' })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListGroupsCommand({ UserPoolId: NO_POOL })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
  });
});

describe('AdminAddUserToGroup and AdminRemoveUserFromGroup (AR)', () => {
  it('adds and removes members; doing either twice is not an error', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'mem-ann');
    await createGroup({ UserPoolId: poolId, GroupName: 'team' });
    expect(Object.keys(await addToGroup(poolId, 'mem-ann', 'team'))).toEqual(['$metadata']);
    await addToGroup(poolId, 'mem-ann', 'team');
    expect(await membersOf(poolId, 'team')).toEqual(['mem-ann']);
    expect(await groupsOf(poolId, 'mem-ann')).toEqual(['team']);

    const remove = () => h.sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'mem-ann', GroupName: 'team' }));
    expect(Object.keys(await remove())).toEqual(['$metadata']);
    await remove();
    expect(await membersOf(poolId, 'team')).toEqual([]);
    expect(await groupsOf(poolId, 'mem-ann')).toEqual([]);
  });

  it('takes a sign-in name (an e-mail username attribute) for the user', async () => {
    const { poolId } = await createPool(h.sdk, { pool: { UsernameAttributes: ['email'] } });
    const { User } = await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'eve@example.com', MessageAction: 'SUPPRESS' }));
    await createGroup({ UserPoolId: poolId, GroupName: 'team' });
    await addToGroup(poolId, 'eve@example.com', 'team');
    expect(await groupsOf(poolId, 'eve@example.com')).toEqual(['team']);
    expect(await membersOf(poolId, 'team')).toEqual([User!.Username]);
    await h.sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'eve@example.com', GroupName: 'team' }));
    expect(await membersOf(poolId, 'team')).toEqual([]);
  });

  it('refuses an unknown user, group or pool', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'mem-bob');
    await createGroup({ UserPoolId: poolId, GroupName: 'team' });
    for (const send of [
      (u: string, g: string, p = poolId) => addToGroup(p, u, g),
      (u: string, g: string, p = poolId) => h.sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: p, Username: u, GroupName: g })),
    ]) {
      await expectCognitoError(send('nobody', 'team'), 'UserNotFoundException', 'User does not exist.');
      await expectCognitoError(send('mem-bob', 'nope'), 'ResourceNotFoundException', 'Group not found.');
      await expectCognitoError(send('mem-bob', 'team', NO_POOL), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
      await expectCognitoError(send('mem-bob', 'has space'), 'InvalidParameterException');
    }
  });
});

describe('AdminListGroupsForUser and ListUsersInGroup (AR)', () => {
  it('page with Limit and NextToken', async () => {
    const { poolId } = await createPool(h.sdk);
    const users = ['lu-a', 'lu-b', 'lu-c'];
    const groups = ['lg-a', 'lg-b', 'lg-c', 'lg-d'];
    for (const u of users) await createUser(h.sdk, poolId, u);
    for (const g of groups) await createGroup({ UserPoolId: poolId, GroupName: g });
    for (const g of groups) await addToGroup(poolId, 'lu-a', g);
    for (const u of users) await addToGroup(poolId, u, 'lg-a');

    const groupPages = await allPages(async (token) => {
      const r = await h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'lu-a', Limit: 3, NextToken: token }));
      return [r.Groups!.map((g) => g.GroupName!), r.NextToken];
    });
    expect(groupPages).toEqual({ items: groups, sizes: [3, 1] });
    const userPages = await allPages(async (token) => {
      const r = await h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'lg-a', Limit: 2, NextToken: token }));
      return [r.Users!.map((u) => u.Username!), r.NextToken];
    });
    expect(userPages).toEqual({ items: users, sizes: [2, 1] });

    // UserType, as ListUsers answers it; GroupType, as GetGroup answers it.
    const { Users } = await h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'lg-b' }));
    expect(Users).toEqual([expect.objectContaining({ Username: 'lu-a', Enabled: true, UserStatus: 'CONFIRMED', Attributes: expect.arrayContaining([expect.objectContaining({ Name: 'sub' })]) })]);
    const { Groups } = await h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'lu-b' }));
    expect(Groups).toEqual([(await h.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'lg-a' }))).Group]);
  });

  it('refuse bad paging, an unknown user, group or pool', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'lu-x');
    await createGroup({ UserPoolId: poolId, GroupName: 'lg-x' });
    await expectCognitoError(h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'nobody' })), 'UserNotFoundException', 'User does not exist.');
    await expectCognitoError(h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: NO_POOL, Username: 'lu-x' })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
    await expectCognitoError(h.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'lu-x', Limit: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'nope' })), 'ResourceNotFoundException', 'Group not found.');
    await expectCognitoError(h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: NO_POOL, GroupName: 'lg-x' })), 'ResourceNotFoundException', `User pool ${NO_POOL} does not exist.`);
    await expectCognitoError(h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'lg-x', Limit: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'lg-x', NextToken: 'OTk5' })), 'InvalidParameterException');
  });
});

describe('Deleting users and pools', () => {
  it('AdminDeleteUser and DeleteUser take the memberships; a new user of the same name starts without them', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createGroup({ UserPoolId: poolId, GroupName: 'team' });
    for (const u of ['gone-ann', 'gone-bob', 'stay-cat']) {
      await createUser(h.sdk, poolId, u);
      await addToGroup(poolId, u, 'team');
    }
    await h.sdk.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'gone-ann' }));
    const { AuthenticationResult } = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'gone-bob', PASSWORD } }));
    await h.sdk.send(new DeleteUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }));
    expect(await membersOf(poolId, 'team')).toEqual(['stay-cat']);
    await createUser(h.sdk, poolId, 'gone-ann');
    expect(await groupsOf(poolId, 'gone-ann')).toEqual([]);
  });

  it('DeleteUserPool takes its groups and memberships', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'pool-ann');
    await createGroup({ UserPoolId: poolId, GroupName: 'team' });
    await addToGroup(poolId, 'pool-ann', 'team');
    await h.sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    const count = (table: string) => (h.emulator.services.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE pool_id = ?`).get(poolId) as { n: number }).n;
    expect([count('user_groups'), count('group_members')]).toEqual([0, 0]);
    await expectCognitoError(h.sdk.send(new ListGroupsCommand({ UserPoolId: poolId })), 'ResourceNotFoundException');
  });
});

describe('Persistence', () => {
  it.skipIf(process.env.EMULATOR_STORE === 'memory')('groups and memberships survive a restart on the file store', async () => {
    const first = await startHarness();
    expect(first.dataDir).not.toBe(MEMORY);
    const { poolId } = await createPool(first.sdk);
    await createUser(first.sdk, poolId, 'kept-ann');
    await first.sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'kept', Precedence: 4 }));
    await first.sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'kept-ann', GroupName: 'kept' }));
    await first.stop({ keepData: true });
    const second = await startHarness(first.dataDir);
    try {
      expect((await second.sdk.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'kept' }))).Group).toMatchObject({ GroupName: 'kept', Precedence: 4 });
      expect((await second.sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'kept-ann' }))).Groups!.map((g) => g.GroupName)).toEqual(['kept']);
    } finally {
      await second.stop();
    }
  });
});

describe('Group claims in tokens', () => {
  const signIn = async (clientId: string, username: string) =>
    (await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }))).AuthenticationResult!;
  const claims = (result: { IdToken?: string; AccessToken?: string }) => ({ id: decodeJwt(result.IdToken!), access: decodeJwt(result.AccessToken!) });

  it('a user without groups gets no group claims', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'tok-none');
    await createGroup({ UserPoolId: poolId, GroupName: 'unused', RoleArn: ROLE_A, Precedence: 0 });
    const { id, access } = claims(await signIn(clientId, 'tok-none'));
    for (const c of [id, access]) for (const name of ['cognito:groups', 'cognito:roles', 'cognito:preferred_role']) expect(c[name]).toBeUndefined();
  });

  it('groups in precedence order in both tokens; roles and the preferred role in the ID token only', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'tok-ann');
    await createGroup({ UserPoolId: poolId, GroupName: 'no-precedence', RoleArn: ROLE_C });
    await createGroup({ UserPoolId: poolId, GroupName: 'second', RoleArn: ROLE_B, Precedence: 2 });
    await createGroup({ UserPoolId: poolId, GroupName: 'first', RoleArn: ROLE_A, Precedence: 1 });
    await createGroup({ UserPoolId: poolId, GroupName: 'top-no-role', Precedence: 0 });
    for (const g of ['no-precedence', 'second', 'first', 'top-no-role']) await addToGroup(poolId, 'tok-ann', g);
    const { id, access } = claims(await signIn(clientId, 'tok-ann'));
    const order = ['top-no-role', 'first', 'second', 'no-precedence'];
    expect(id['cognito:groups']).toEqual(order);
    expect(access['cognito:groups']).toEqual(order);
    expect(id['cognito:roles']).toEqual([ROLE_A, ROLE_B, ROLE_C]);
    expect(id['cognito:preferred_role']).toBe(ROLE_A);
    expect(access['cognito:roles']).toBeUndefined();
    expect(access['cognito:preferred_role']).toBeUndefined();
  });

  it('groups of equal precedence: a preferred role only when their roles agree (AR, CreateGroup Precedence)', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'tok-tie');
    await createGroup({ UserPoolId: poolId, GroupName: 'tie-a', RoleArn: ROLE_A, Precedence: 3 });
    await createGroup({ UserPoolId: poolId, GroupName: 'tie-b', RoleArn: ROLE_B, Precedence: 3 });
    await addToGroup(poolId, 'tok-tie', 'tie-a');
    await addToGroup(poolId, 'tok-tie', 'tie-b');
    let { id } = claims(await signIn(clientId, 'tok-tie'));
    expect(id['cognito:roles']).toEqual([ROLE_A, ROLE_B]);
    expect(id['cognito:preferred_role']).toBeUndefined();
    await h.sdk.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'tie-b', RoleArn: ROLE_A }));
    ({ id } = claims(await signIn(clientId, 'tok-tie')));
    expect(id['cognito:roles']).toEqual([ROLE_A]);
    expect(id['cognito:preferred_role']).toBe(ROLE_A);
  });

  it('refreshed tokens carry the groups as they are at the refresh', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'tok-ref');
    await createGroup({ UserPoolId: poolId, GroupName: 'before', RoleArn: ROLE_A, Precedence: 1 });
    await createGroup({ UserPoolId: poolId, GroupName: 'after', RoleArn: ROLE_B, Precedence: 2 });
    await addToGroup(poolId, 'tok-ref', 'before');
    const first = await signIn(clientId, 'tok-ref');
    expect(claims(first).id['cognito:groups']).toEqual(['before']);

    await addToGroup(poolId, 'tok-ref', 'after');
    await h.sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'tok-ref', GroupName: 'before' }));
    const refresh = () => h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }));
    const { id, access } = claims((await refresh()).AuthenticationResult!);
    expect(id['cognito:groups']).toEqual(['after']);
    expect(access['cognito:groups']).toEqual(['after']);
    expect(id['cognito:preferred_role']).toBe(ROLE_B);

    // No groups left: the claims go.
    await h.sdk.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'after' }));
    const none = claims((await refresh()).AuthenticationResult!);
    expect(none.id['cognito:groups']).toBeUndefined();
    expect(none.access['cognito:groups']).toBeUndefined();
  });
});
