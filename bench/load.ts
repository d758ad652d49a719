/** Closed-loop load: `concurrency` clients, each signing in again as soon as it finished, until the deadline. */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { callCognito } from '../emulator/test/client.js';
import { SrpClient } from '../emulator/test/srp-client.js';

export const BENCH_PASSWORD = 'Bench-Passw0rd!';

export interface LoadResult {
  completed: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  firstError?: string;
}

export interface BenchPool {
  poolId: string;
  clientId: string;
  usernames: string[];
}

export async function setUpPool(url: string, users: number): Promise<BenchPool> {
  const sdk = new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' } });
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'bench' }));
  const poolId = UserPool!.Id!;
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bench', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
  );
  const usernames = Array.from({ length: users }, (_, i) => `bench-${i}`);
  for (const username of usernames) {
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: BENCH_PASSWORD, Permanent: true }));
  }
  sdk.destroy();
  return { poolId, clientId: UserPoolClient!.ClientId!, usernames };
}

export type Flow = (client: SrpClient, username: string) => Promise<void>;

export function srpSignIn(url: string, pool: BenchPool): Flow {
  return async (srp, username) => {
    const challenge = await callCognito(url, 'InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: username, SRP_A: srp.srpA } });
    const done = await callCognito(url, 'RespondToAuthChallenge', {
      ClientId: pool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: srp.respond(challenge.ChallengeParameters, BENCH_PASSWORD, new Date()),
    });
    if (!done.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  };
}

export function passwordSignIn(url: string, pool: BenchPool): Flow {
  return async (_, username) => {
    const done = await callCognito(url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: username, PASSWORD: BENCH_PASSWORD } });
    if (!done.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  };
}

/**
 * `ratePerSecond` unset: closed loop, as fast as the server answers (throughput).
 * Set: each client starts its sign-ins on a fixed schedule (open loop), so latency is measured at
 * that offered load rather than at saturation, where Little's law alone sets it.
 */
export async function runLoad(pool: BenchPool, flow: Flow, concurrency: number, seconds: number, ratePerSecond?: number): Promise<LoadResult> {
  const poolName = pool.poolId.slice(pool.poolId.indexOf('_') + 1);
  const deadline = performance.now() + seconds * 1000;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const srp = new SrpClient(poolName);
      const username = pool.usernames[i % pool.usernames.length];
      const interval = ratePerSecond ? (concurrency * 1000) / ratePerSecond : 0;
      let next = performance.now() + (interval * i) / concurrency;
      while (performance.now() < deadline) {
        if (interval) {
          const wait = next - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          next += interval;
          if (performance.now() >= deadline) break;
        }
        const t0 = performance.now();
        try {
          await flow(srp, username);
          latenciesMs.push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
      }
    }),
  );
  return { completed: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, firstError };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
