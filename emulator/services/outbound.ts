/**
 * Requests the emulator makes itself: to identity providers (OIDC discovery, token and userinfo
 * endpoints, SAML metadata). A fetch over node:http(s) that trusts the system's authorities and the
 * emulator's own (its test identity provider is served with that certificate), with Cognito-like
 * time limits, shaped as openid-client's customFetch.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

export type OutboundFetch = (url: string, options?: { method?: string; headers?: Record<string, string> | Headers; body?: unknown; signal?: AbortSignal }) => Promise<Response>;

/** An identity provider that doesn't answer in time: Cognito reports a timeout to the app. */
export class OutboundTimeout extends Error {
  override name = 'OutboundTimeout';
}

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 1024 * 1024;

function headerRecord(headers: Record<string, string> | Headers | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return { ...headers };
}

export function createOutboundFetch(extraAuthority: () => string | undefined): OutboundFetch {
  return (url, options = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const body = options.body === undefined || options.body === null ? undefined : String(options.body);
      const headers = headerRecord(options.headers);
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type') && options.body instanceof URLSearchParams) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const own = extraAuthority();
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: options.method ?? 'GET',
          headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
          ...(target.protocol === 'https:' ? { ca: own ? [...rootCertificates, own] : [...rootCertificates] } : {}),
          timeout: TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BYTES) return void req.destroy(new Error(`${target.origin} answered with more than 1 MiB`));
            chunks.push(chunk);
          });
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = res.statusCode ?? 502;
            const noBody = status === 204 || status === 304;
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new OutboundTimeout(`${target.origin} did not answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      options.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
      if (body !== undefined) req.write(body);
      req.end();
    });
}
