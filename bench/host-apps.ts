/** The first-load JS of the two host apps (React 18 and 19) that embed the packed <SignIn> (e2e/hosts/make-hosts.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHosts } from '../e2e/hosts/make-hosts.js';
import { firstRouteJs } from './bundle.js';

export function measureHostApps(): Record<string, { gzipKiB: number; files: number }> {
  const root = mkdtempSync(join(tmpdir(), 'bench-hosts-'));
  try {
    const dists = makeHosts(root);
    const result = Object.fromEntries(
      Object.entries(dists).map(([name, dist]) => {
        const js = firstRouteJs(dist);
        return [name, { gzipKiB: +(js.gzipBytes / 1024).toFixed(1), files: js.files.length }];
      }),
    );
    console.log(`host apps' first-load JS (gzip, host + React + Amplify + <SignIn>): ${JSON.stringify(result)}`);
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
