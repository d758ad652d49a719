/**
 * SQLite persistence (better-sqlite3, WAL). Every write is committed before the HTTP answer goes
 * out, and a committed WAL frame survives kill -9 of the process (synchronous=NORMAL only risks
 * the last transactions on power loss, not on a process crash).
 */
import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../start-errors.js';
import type { ClientRecord, DomainRecord, IdentityLink, IdentityProviderRecord, PoolRecord, ResourceServerRecord, SessionRecord, UserRecord } from './model.js';
import type { GroupRecord } from './groups.js';
import type { OutboxMessage } from './outbox-message.js';

export type { OutboxMessage };

export interface RefreshTokenRecord {
  poolId: string;
  clientId: string;
  username: string;
  originJti: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
  /** The device the sign-in was on: refreshed access tokens keep its device_key claim. */
  deviceKey?: string;
  /** Rotated out (refresh-token rotation): usable until then, for the client's retry grace period. */
  rotatedUntil?: number;
  /** Issued by the OAuth token endpoint: the scopes granted, kept by refreshed access tokens. */
  scopes?: string[];
}

/** What the OAuth endpoints keep between two requests, each kind under its own ids. */
export type EphemeralKind = 'authorize' | 'code' | 'domainSession' | 'samlRequest' | 'idpCode' | 'idpNext' | 'idpSession';

const MIGRATIONS: string[] = [
  `CREATE TABLE pools (id TEXT PRIMARY KEY, data TEXT NOT NULL);
   CREATE TABLE clients (id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX clients_pool ON clients(pool_id);
   CREATE TABLE users (pool_id TEXT NOT NULL, username TEXT NOT NULL, sub TEXT NOT NULL, data TEXT NOT NULL,
                       PRIMARY KEY (pool_id, username));
   CREATE INDEX users_sub ON users(pool_id, sub);
   CREATE TABLE sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, data TEXT NOT NULL);
   CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, pool_id TEXT NOT NULL, username TEXT NOT NULL,
                        channel TEXT NOT NULL, destination TEXT NOT NULL, message TEXT NOT NULL, code TEXT NOT NULL,
                        sent_at TEXT NOT NULL);
   CREATE INDEX outbox_user ON outbox(username, pool_id);
   CREATE TABLE refresh_tokens (hash TEXT PRIMARY KEY, pool_id TEXT NOT NULL, username TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX refresh_user ON refresh_tokens(pool_id, username);
   CREATE TABLE revoked_jti (origin_jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
   CREATE TABLE signing_keys (pool_id TEXT PRIMARY KEY, kid TEXT NOT NULL, private_jwk TEXT NOT NULL);`,
  // Federation: pool domains, identity providers, resource servers, linked identities, and what
  // the OAuth endpoints keep between two requests (authorization requests, codes, domain sessions).
  `CREATE TABLE domains (domain TEXT PRIMARY KEY, pool_id TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX domains_pool ON domains(pool_id);
   CREATE TABLE identity_providers (pool_id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (pool_id, name));
   CREATE TABLE resource_servers (pool_id TEXT NOT NULL, identifier TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (pool_id, identifier));
   CREATE TABLE identity_links (pool_id TEXT NOT NULL, provider TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL,
                                username TEXT NOT NULL, PRIMARY KEY (pool_id, provider, attribute, value));
   CREATE INDEX identity_links_user ON identity_links(pool_id, username);
   CREATE TABLE ephemeral (kind TEXT NOT NULL, id TEXT NOT NULL, expires_at INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
   CREATE INDEX ephemeral_expiry ON ephemeral(expires_at);`,
  // User-pool groups and their members.
  `CREATE TABLE user_groups (pool_id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (pool_id, name));
   CREATE TABLE group_members (pool_id TEXT NOT NULL, group_name TEXT NOT NULL, username TEXT NOT NULL, PRIMARY KEY (pool_id, group_name, username));
   CREATE INDEX group_members_user ON group_members(pool_id, username);`,
];

/** Pools created without AccountRecoverySetting: a verified e-mail first, then a verified phone. */
export const DEFAULT_ACCOUNT_RECOVERY: PoolRecord['accountRecovery'] = [
  { Name: 'verified_email', Priority: 1 },
  { Name: 'verified_phone_number', Priority: 2 },
];

/** Pools stored before aliases, schemas and self-registration settings existed read with Cognito's defaults. */
function poolRecord(data: string): PoolRecord {
  const stored = JSON.parse(data) as PoolRecord;
  return {
    ...stored,
    aliasAttributes: stored.aliasAttributes ?? [],
    schema: stored.schema ?? { requiredAttributes: [], customAttributes: [] },
    allowAdminCreateUserOnly: stored.allowAdminCreateUserOnly ?? false,
    accountRecovery: stored.accountRecovery ?? DEFAULT_ACCOUNT_RECOVERY,
  };
}

/** A client that doesn't use the OAuth endpoints: Cognito's default. */
export const NO_OAUTH: ClientRecord['oauth'] = { enabled: false, flows: [], scopes: [], callbackUrls: [], logoutUrls: [], identityProviders: [] };

/** Clients stored before the token-validity or OAuth settings existed read as Cognito's defaults. */
function clientRecord(data: string): ClientRecord {
  const stored = JSON.parse(data) as Partial<ClientRecord> & { accessTokenValidityMinutes?: number };
  stored.oauth ??= NO_OAUTH;
  if (stored.tokenValidityUnits) return stored as ClientRecord;
  const { accessTokenValidityMinutes: _a, idTokenValidityMinutes: _i, refreshTokenValidityMinutes: _r, ...rest } = stored as Record<string, unknown>;
  return {
    ...(rest as unknown as ClientRecord),
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 30,
    tokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    preventUserExistenceErrors: 'LEGACY',
    refreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
  };
}

export const MEMORY = ':memory:';

export class Store {
  readonly db: Database.Database;
  private readonly stmt;

  /** `dataDir`: a folder for cognito.sqlite, or ':memory:' for a store that ends with the process (fast test runs). */
  constructor(dataDir: string) {
    if (dataDir === MEMORY) {
      this.db = new Database(':memory:');
    } else {
      const file = join(dataDir, 'cognito.sqlite');
      try {
        mkdirSync(dataDir, { recursive: true });
        accessSync(dataDir, constants.W_OK);
        this.db = new Database(file);
      } catch (e) {
        throw new StoreError(`Cannot use the data folder ${dataDir}: ${(e as Error).message}. Choose a folder this user can write (--data).`);
      }
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
    }
    this.migrate(dataDir);
    const db = this.db;
    this.stmt = {
      getPool: db.prepare<[string], { data: string }>('SELECT data FROM pools WHERE id = ?'),
      putPool: db.prepare('INSERT OR REPLACE INTO pools (id, data) VALUES (?, ?)'),
      listPools: db.prepare<[], { data: string }>('SELECT data FROM pools ORDER BY id'),
      deletePool: db.prepare('DELETE FROM pools WHERE id = ?'),
      getClient: db.prepare<[string], { data: string }>('SELECT data FROM clients WHERE id = ?'),
      putClient: db.prepare('INSERT OR REPLACE INTO clients (id, pool_id, data) VALUES (?, ?, ?)'),
      listClients: db.prepare<[string], { data: string }>('SELECT data FROM clients WHERE pool_id = ? ORDER BY id'),
      deleteClient: db.prepare('DELETE FROM clients WHERE id = ?'),
      getUser: db.prepare<[string, string], { data: string }>('SELECT data FROM users WHERE pool_id = ? AND username = ?'),
      getUserBySub: db.prepare<[string, string], { data: string }>('SELECT data FROM users WHERE pool_id = ? AND sub = ?'),
      insertUser: db.prepare('INSERT INTO users (pool_id, username, sub, data) VALUES (?, ?, ?, ?)'),
      updateUser: db.prepare('UPDATE users SET data = ? WHERE pool_id = ? AND username = ?'),
      deleteUser: db.prepare('DELETE FROM users WHERE pool_id = ? AND username = ?'),
      listUsers: db.prepare<[string], { data: string }>('SELECT data FROM users WHERE pool_id = ? ORDER BY username'),
      countUsers: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE pool_id = ?'),
      getSession: db.prepare<[string], { data: string }>('SELECT data FROM sessions WHERE id = ?'),
      putSession: db.prepare('INSERT OR REPLACE INTO sessions (id, expires_at, data) VALUES (?, ?, ?)'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
      addOutbox: db.prepare(
        'INSERT INTO outbox (pool_id, username, channel, destination, message, code, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getRefresh: db.prepare<[string], { data: string }>('SELECT data FROM refresh_tokens WHERE hash = ?'),
      putRefresh: db.prepare('INSERT OR REPLACE INTO refresh_tokens (hash, pool_id, username, data) VALUES (?, ?, ?, ?)'),
      userRefresh: db.prepare<[string, string], { hash: string; data: string }>('SELECT hash, data FROM refresh_tokens WHERE pool_id = ? AND username = ?'),
      revokeJti: db.prepare('INSERT OR IGNORE INTO revoked_jti (origin_jti, expires_at) VALUES (?, ?)'),
      isRevoked: db.prepare<[string], { origin_jti: string }>('SELECT origin_jti FROM revoked_jti WHERE origin_jti = ?'),
      getKey: db.prepare<[string], { kid: string; private_jwk: string }>('SELECT kid, private_jwk FROM signing_keys WHERE pool_id = ?'),
      putKey: db.prepare('INSERT OR IGNORE INTO signing_keys (pool_id, kid, private_jwk) VALUES (?, ?, ?)'),
    };
  }

  private migrate(dataDir: string): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    // Never write over a newer layout: that would corrupt data a newer emulator relies on.
    if (version > MIGRATIONS.length) {
      this.db.close();
      throw new StoreError(
        `The data folder ${dataDir} was written by a newer version of the emulator (schema ${version}; this one knows up to ${MIGRATIONS.length}). Use that version, or another data folder.`,
      );
    }
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  getPool(id: string): PoolRecord | undefined {
    const row = this.stmt.getPool.get(id);
    return row && poolRecord(row.data);
  }
  putPool(pool: PoolRecord): void {
    this.stmt.putPool.run(pool.id, JSON.stringify(pool));
  }
  listPools(): PoolRecord[] {
    return this.stmt.listPools.all().map((r) => poolRecord(r.data));
  }
  deletePool(id: string): void {
    this.transaction(() => {
      this.stmt.deletePool.run(id);
      this.db.prepare('DELETE FROM clients WHERE pool_id = ?').run(id);
      this.db.prepare('DELETE FROM users WHERE pool_id = ?').run(id);
      this.db.prepare("DELETE FROM signing_keys WHERE pool_id = ? OR pool_id = ? || '/access'").run(id, id);
      for (const table of ['domains', 'identity_providers', 'resource_servers', 'identity_links', 'user_groups', 'group_members']) this.db.prepare(`DELETE FROM ${table} WHERE pool_id = ?`).run(id);
    });
  }

  getDomain(domain: string): DomainRecord | undefined {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM domains WHERE domain = ?').get(domain);
    return row && (JSON.parse(row.data) as DomainRecord);
  }
  /** A pool's prefix domain, if it has one. */
  domainOf(poolId: string): DomainRecord | undefined {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM domains WHERE pool_id = ?').get(poolId);
    return row && (JSON.parse(row.data) as DomainRecord);
  }
  putDomain(record: DomainRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO domains (domain, pool_id, data) VALUES (?, ?, ?)').run(record.domain, record.poolId, JSON.stringify(record));
  }
  deleteDomain(domain: string): void {
    this.db.prepare('DELETE FROM domains WHERE domain = ?').run(domain);
  }

  getIdentityProvider(poolId: string, name: string): IdentityProviderRecord | undefined {
    const row = this.db.prepare<[string, string], { data: string }>('SELECT data FROM identity_providers WHERE pool_id = ? AND name = ?').get(poolId, name);
    return row && (JSON.parse(row.data) as IdentityProviderRecord);
  }
  listIdentityProviders(poolId: string): IdentityProviderRecord[] {
    return this.db
      .prepare<[string], { data: string }>('SELECT data FROM identity_providers WHERE pool_id = ? ORDER BY rowid')
      .all(poolId)
      .map((r) => JSON.parse(r.data) as IdentityProviderRecord);
  }
  putIdentityProvider(record: IdentityProviderRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO identity_providers (pool_id, name, data) VALUES (?, ?, ?)').run(record.poolId, record.name, JSON.stringify(record));
  }
  /** The provider, and the links made to its identities (a provider made later under the name starts without them). */
  deleteIdentityProvider(poolId: string, name: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM identity_providers WHERE pool_id = ? AND name = ?').run(poolId, name);
      this.db.prepare('DELETE FROM identity_links WHERE pool_id = ? AND provider = ?').run(poolId, name);
    });
  }

  getResourceServer(poolId: string, identifier: string): ResourceServerRecord | undefined {
    const row = this.db.prepare<[string, string], { data: string }>('SELECT data FROM resource_servers WHERE pool_id = ? AND identifier = ?').get(poolId, identifier);
    return row && (JSON.parse(row.data) as ResourceServerRecord);
  }
  listResourceServers(poolId: string): ResourceServerRecord[] {
    return this.db
      .prepare<[string], { data: string }>('SELECT data FROM resource_servers WHERE pool_id = ? ORDER BY rowid')
      .all(poolId)
      .map((r) => JSON.parse(r.data) as ResourceServerRecord);
  }
  putResourceServer(record: ResourceServerRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO resource_servers (pool_id, identifier, data) VALUES (?, ?, ?)').run(record.poolId, record.identifier, JSON.stringify(record));
  }
  deleteResourceServer(poolId: string, identifier: string): void {
    this.db.prepare('DELETE FROM resource_servers WHERE pool_id = ? AND identifier = ?').run(poolId, identifier);
  }

  getGroup(poolId: string, name: string): GroupRecord | undefined {
    const row = this.db.prepare<[string, string], { data: string }>('SELECT data FROM user_groups WHERE pool_id = ? AND name = ?').get(poolId, name);
    return row && (JSON.parse(row.data) as GroupRecord);
  }
  /** In the order they were made. */
  listGroups(poolId: string): GroupRecord[] {
    return this.db
      .prepare<[string], { data: string }>('SELECT data FROM user_groups WHERE pool_id = ? ORDER BY rowid')
      .all(poolId)
      .map((r) => JSON.parse(r.data) as GroupRecord);
  }
  putGroup(record: GroupRecord): void {
    this.db.prepare('INSERT OR REPLACE INTO user_groups (pool_id, name, data) VALUES (?, ?, ?)').run(record.poolId, record.name, JSON.stringify(record));
  }
  /** The group and its memberships. */
  deleteGroup(poolId: string, name: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM user_groups WHERE pool_id = ? AND name = ?').run(poolId, name);
      this.db.prepare('DELETE FROM group_members WHERE pool_id = ? AND group_name = ?').run(poolId, name);
    });
  }
  /** Adding a member again changes nothing. */
  addGroupMember(poolId: string, group: string, username: string): void {
    this.db.prepare('INSERT OR IGNORE INTO group_members (pool_id, group_name, username) VALUES (?, ?, ?)').run(poolId, group, username);
  }
  removeGroupMember(poolId: string, group: string, username: string): void {
    this.db.prepare('DELETE FROM group_members WHERE pool_id = ? AND group_name = ? AND username = ?').run(poolId, group, username);
  }
  /** A user's groups, in the order the groups were made. */
  groupsOfUser(poolId: string, username: string): GroupRecord[] {
    return this.db
      .prepare<[string, string], { data: string }>(
        'SELECT g.data FROM group_members m JOIN user_groups g ON g.pool_id = m.pool_id AND g.name = m.group_name WHERE m.pool_id = ? AND m.username = ? ORDER BY g.rowid',
      )
      .all(poolId, username)
      .map((r) => JSON.parse(r.data) as GroupRecord);
  }
  /** A group's members, in the order they were added. */
  membersOf(poolId: string, group: string): UserRecord[] {
    return this.db
      .prepare<[string, string], { data: string }>(
        'SELECT u.data FROM group_members m JOIN users u ON u.pool_id = m.pool_id AND u.username = m.username WHERE m.pool_id = ? AND m.group_name = ? ORDER BY m.rowid',
      )
      .all(poolId, group)
      .map((r) => JSON.parse(r.data) as UserRecord);
  }

  /** The links made for a provider's identities in a pool. */
  linksFor(poolId: string, provider: string): IdentityLink[] {
    type Row = { attribute: string; value: string; username: string };
    return this.db
      .prepare<[string, string], Row>('SELECT attribute, value, username FROM identity_links WHERE pool_id = ? AND provider = ?')
      .all(poolId, provider)
      .map((r) => ({ poolId, provider, ...r }));
  }
  linksOf(poolId: string, username: string): IdentityLink[] {
    type Row = { provider: string; attribute: string; value: string };
    return this.db
      .prepare<[string, string], Row>('SELECT provider, attribute, value FROM identity_links WHERE pool_id = ? AND username = ?')
      .all(poolId, username)
      .map((r) => ({ poolId, username, ...r }));
  }
  putLink(link: IdentityLink): void {
    this.db.prepare('INSERT OR REPLACE INTO identity_links (pool_id, provider, attribute, value, username) VALUES (?, ?, ?, ?, ?)').run(link.poolId, link.provider, link.attribute, link.value, link.username);
  }
  deleteLink(link: Pick<IdentityLink, 'poolId' | 'provider' | 'attribute' | 'value'>): boolean {
    return this.db.prepare('DELETE FROM identity_links WHERE pool_id = ? AND provider = ? AND attribute = ? AND value = ?').run(link.poolId, link.provider, link.attribute, link.value).changes > 0;
  }
  deleteLinksOf(poolId: string, username: string): void {
    this.db.prepare('DELETE FROM identity_links WHERE pool_id = ? AND username = ?').run(poolId, username);
  }

  /** Short-lived records of the OAuth endpoints (ms expiry). */
  putEphemeral<T>(kind: EphemeralKind, id: string, expiresAt: number, data: T): void {
    this.db.prepare('INSERT OR REPLACE INTO ephemeral (kind, id, expires_at, data) VALUES (?, ?, ?, ?)').run(kind, id, expiresAt, JSON.stringify(data));
  }
  getEphemeral<T>(kind: EphemeralKind, id: string, nowMs: number): T | undefined {
    const row = this.db.prepare<[string, string, number], { data: string }>('SELECT data FROM ephemeral WHERE kind = ? AND id = ? AND expires_at > ?').get(kind, id, nowMs);
    return row && (JSON.parse(row.data) as T);
  }
  /** Reads and deletes in one step: what is single-use (codes) is used once even by racing workers. */
  takeEphemeral<T>(kind: EphemeralKind, id: string, nowMs: number): T | undefined {
    return this.transaction(() => {
      const value = this.getEphemeral<T>(kind, id, nowMs);
      this.deleteEphemeral(kind, id);
      return value;
    });
  }
  deleteEphemeral(kind: EphemeralKind, id: string): void {
    this.db.prepare('DELETE FROM ephemeral WHERE kind = ? AND id = ?').run(kind, id);
  }

  getClient(id: string): ClientRecord | undefined {
    const row = this.stmt.getClient.get(id);
    return row && clientRecord(row.data);
  }
  putClient(client: ClientRecord): void {
    this.stmt.putClient.run(client.id, client.poolId, JSON.stringify(client));
  }
  listClients(poolId: string): ClientRecord[] {
    return this.stmt.listClients.all(poolId).map((r) => clientRecord(r.data));
  }
  deleteClient(id: string): void {
    this.stmt.deleteClient.run(id);
  }

  getUser(poolId: string, username: string): UserRecord | undefined {
    const row = this.stmt.getUser.get(poolId, username);
    return row && (JSON.parse(row.data) as UserRecord);
  }
  getUserBySub(poolId: string, sub: string): UserRecord | undefined {
    const row = this.stmt.getUserBySub.get(poolId, sub);
    return row && (JSON.parse(row.data) as UserRecord);
  }
  insertUser(poolId: string, user: UserRecord): void {
    this.stmt.insertUser.run(poolId, user.username, user.sub, JSON.stringify(user));
  }
  updateUser(poolId: string, user: UserRecord): void {
    this.stmt.updateUser.run(JSON.stringify(user), poolId, user.username);
  }
  /** The user, the identities linked to them, and their group memberships. */
  deleteUser(poolId: string, username: string): void {
    this.transaction(() => {
      this.stmt.deleteUser.run(poolId, username);
      this.deleteLinksOf(poolId, username);
      this.db.prepare('DELETE FROM group_members WHERE pool_id = ? AND username = ?').run(poolId, username);
    });
  }
  countUsers(poolId: string): number {
    return this.stmt.countUsers.get(poolId)?.n ?? 0;
  }
  listUsers(poolId: string): UserRecord[] {
    return this.stmt.listUsers.all(poolId).map((r) => JSON.parse(r.data) as UserRecord);
  }

  getSession(id: string): SessionRecord | undefined {
    const row = this.stmt.getSession.get(id);
    return row && (JSON.parse(row.data) as SessionRecord);
  }
  putSession(id: string, session: SessionRecord): void {
    this.stmt.putSession.run(id, session.expiresAt, JSON.stringify(session));
  }
  deleteSession(id: string): void {
    this.stmt.deleteSession.run(id);
  }
  purgeExpiredSessions(nowMs: number): void {
    this.stmt.purgeSessions.run(nowMs);
    this.db.prepare('DELETE FROM ephemeral WHERE expires_at < ?').run(nowMs);
  }

  addOutbox(m: OutboxMessage): void {
    this.stmt.addOutbox.run(m.poolId, m.username, m.channel, m.destination, m.message, m.code, m.sentAt);
  }
  readOutbox(filter: { username?: string; poolId?: string; limit?: number }): OutboxMessage[] {
    const where: string[] = [];
    const args: string[] = [];
    if (filter.username !== undefined) (where.push('username = ?'), args.push(filter.username));
    if (filter.poolId !== undefined) (where.push('pool_id = ?'), args.push(filter.poolId));
    const sql = `SELECT pool_id, username, channel, destination, message, code, sent_at FROM outbox
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Math.min(filter.limit ?? 100, 1000)}`;
    type Row = { pool_id: string; username: string; channel: 'SMS' | 'EMAIL'; destination: string; message: string; code: string; sent_at: string };
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => ({
      poolId: r.pool_id,
      username: r.username,
      channel: r.channel,
      destination: r.destination,
      message: r.message,
      code: r.code,
      sentAt: r.sent_at,
    }));
  }

  getRefreshToken(hash: string): RefreshTokenRecord | undefined {
    const row = this.stmt.getRefresh.get(hash);
    return row && (JSON.parse(row.data) as RefreshTokenRecord);
  }
  putRefreshToken(hash: string, record: RefreshTokenRecord): void {
    this.stmt.putRefresh.run(hash, record.poolId, record.username, JSON.stringify(record));
  }
  /** ForgetDevice: the device's refresh tokens stop working; tokens already issued live out their time. */
  revokeDeviceRefreshTokens(poolId: string, username: string, deviceKey: string): void {
    this.transaction(() => {
      for (const row of this.stmt.userRefresh.all(poolId, username)) {
        const record = JSON.parse(row.data) as RefreshTokenRecord;
        if (record.deviceKey === deviceKey && !record.revoked) this.putRefreshToken(row.hash, { ...record, revoked: true });
      }
    });
  }
  /** GlobalSignOut: every refresh token of the user, and the access/id tokens issued from them. */
  revokeAllForUser(poolId: string, username: string): void {
    this.transaction(() => {
      for (const row of this.stmt.userRefresh.all(poolId, username)) {
        const record = JSON.parse(row.data) as RefreshTokenRecord;
        if (record.revoked) continue;
        this.putRefreshToken(row.hash, { ...record, revoked: true });
        this.revokeOriginJti(record.originJti, record.expiresAt);
      }
    });
  }
  revokeOriginJti(originJti: string, expiresAt: number): void {
    this.stmt.revokeJti.run(originJti, expiresAt);
  }
  isOriginJtiRevoked(originJti: string): boolean {
    return this.stmt.isRevoked.get(originJti) !== undefined;
  }

  getSigningKey(poolId: string): { kid: string; privateJwk: string } | undefined {
    const row = this.stmt.getKey.get(poolId);
    return row && { kid: row.kid, privateJwk: row.private_jwk };
  }
  /** Insert-if-absent: two workers racing on first use end up with the same key. */
  putSigningKey(poolId: string, kid: string, privateJwk: string): void {
    this.stmt.putKey.run(poolId, kid, privateJwk);
  }
}
