/**
 * Cognito's per-category request quotas, so TooManyRequestsException is real here too. Only the
 * pool-administration categories are limited by default: sign-in traffic is what the bench measures.
 */
import { CognitoError } from '../errors.js';
import type { Clock } from './clock.js';

const CATEGORIES: Record<string, { ops: string[]; perSecond: number }> = {
  UserPoolUpdate: { ops: ['SetUserPoolMfaConfig', 'DeleteUserPool'], perSecond: 25 },
  UserPoolCreate: { ops: ['CreateUserPool', 'CreateUserPoolClient'], perSecond: 50 },
};

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly scale = 1,
  ) {}

  check(operation: string): void {
    const [name, category] = Object.entries(CATEGORIES).find(([, c]) => c.ops.includes(operation)) ?? [];
    if (!name || !category) return;
    const rate = category.perSecond * this.scale;
    const now = this.clock.now();
    const bucket = this.buckets.get(name) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(name, bucket);
      throw new CognitoError('TooManyRequestsException', 'Rate exceeded');
    }
    bucket.tokens -= 1;
    this.buckets.set(name, bucket);
  }
}
