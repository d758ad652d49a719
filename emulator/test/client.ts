/** The client side for tests and the bench: Cognito calls over plain HTTP, and authenticator-app codes. */
import { Secret, TOTP } from 'otpauth';

/** Any SigV4-looking Authorization header: the emulator requires one on admin operations but has no IAM to check it. */
export const SIGNED_HEADER = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00' };

export async function callCognito(url: string, operation: string, body: unknown, { signed = false } = {}): Promise<Record<string, any>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`, ...(signed ? SIGNED_HEADER : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, any>;
  if (!res.ok) throw new Error(`${operation}: ${json.__type}: ${json.message}`);
  return json;
}

/** The code an authenticator app shows for `secret` at `timeMs`. */
export const totpCode = (secret: string, timeMs: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: timeMs });
