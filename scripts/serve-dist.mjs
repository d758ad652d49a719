#!/usr/bin/env node
/**
 * Serves the built app (dist/) the way production should: a strict Content-Security-Policy, SPA
 * fallback for /login and /logout, and nothing else. Used by the e2e suite; also a reference for
 * the headers a real deployment sets.
 *   node scripts/serve-dist.mjs --port 4317 [--port 4318] [--connect-src "https://cognito-idp.eu-west-1.amazonaws.com"]
 *                               [--frame-ancestors "https://app.example.com"] [--frame-src "https://signin.example.com"] [--gzip]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', multiple: true, default: ['4173'] },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    'connect-src': { type: 'string', default: '' },
    'frame-ancestors': { type: 'string', default: "'none'" },
    // Only for pages that embed the sign-in (the example relying app, in the e2e suite).
    'frame-src': { type: 'string', default: '' },
    // Compress text responses, as a production server does (npm run bench measures load times with it).
    gzip: { type: 'boolean', default: false },
  },
});

/** The page's inline <style> (the built index.html carries its stylesheet): allowed by its hash, nothing else inline. */
function styleHashes() {
  try {
    const html = readFileSync(join(normalize(values.dir), 'index.html'), 'utf8');
    return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  } catch {
    return [];
  }
}

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${styleHashes().join(' ')}`.trim(),
  "img-src 'self' data:",
  `connect-src 'self' ${values['connect-src']}`.trim(),
  `frame-ancestors ${values['frame-ancestors']}`,
  ...(values['frame-src'] ? [`frame-src ${values['frame-src']}`] : []),
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
const root = normalize(values.dir);

function resolveFile(pathname) {
  const decoded = decodeURIComponent(pathname);
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  for (const candidate of [file, join(file, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  // SPA routes (/login, /logout, …) are the app's index.html; a missing asset is a 404.
  return extname(decoded) ? undefined : join(root, 'index.html');
}

const handler = (req, res) => {
  let file;
  try {
    file = resolveFile(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    file = undefined;
  }
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = csp;
  if (values.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /^(text\/|application\/json|image\/svg)/.test(type)) {
    const body = gzipSync(readFileSync(file), { level: 9 });
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
};

for (const port of values.port) {
  createServer(handler).listen(Number(port), values.host, () => console.log(`serving ${root} on http://${values.host}:${port}`));
}
