#!/usr/bin/env node
/**
 * node scripts/stamp-first-screen.mjs [--dir dist] [--config <dir>/config.json]
 *
 * A deployment step, after `vite build` and once config.json is known: writes what the first screen
 * needs of the config — its `locale` and `passwordless` — into the built index.html as
 * <meta name="signin-first-screen">, so /first-screen.js shows the page in the right language and
 * mode without waiting for /config.json (one round trip less before the form can be typed into, on
 * HTTP/1.1 two). Without it the page works the same, a round trip later. Run it again whenever
 * config.json's locale or passwordless change (the app warns in the console when they disagree).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, config: { type: 'string' } } });
const page = join(values.dir, 'index.html');
const config = JSON.parse(readFileSync(values.config ?? join(values.dir, 'config.json'), 'utf8'));
writeFileSync(page, stampFirstScreen(readFileSync(page, 'utf8'), config));
console.log(`${page}: first screen stamped (${firstScreenContent(config) || 'the defaults'})`);

/** The meta's content: what the first screen reads of the config, as a query string. */
export function firstScreenContent(config) {
  const params = new URLSearchParams();
  if (typeof config.locale === 'string' && config.locale) params.set('locale', config.locale);
  params.set('passwordless', String(config.passwordless === true));
  return params.toString();
}

export function stampFirstScreen(html, config) {
  const meta = `<meta name="signin-first-screen" content="${firstScreenContent(config).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
  const existing = /<meta name="signin-first-screen"[^>]*>/;
  if (existing.test(html)) return html.replace(existing, meta);
  const script = /<script src="\/first-screen\.js"/;
  if (!script.test(html)) throw new Error('index.html has no /first-screen.js: build it with vite build first');
  // Before the script that reads it.
  return html.replace(script, (tag) => `${meta}\n    ${tag}`);
}
