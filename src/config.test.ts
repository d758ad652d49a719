import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const example = JSON.parse(readFileSync(new URL('../public/config.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('public/config.example.json', () => {
  it('is a valid config that shows every key the app reads', () => {
    const parsed = parseConfig(example);
    // Every key the parser produces is in the example, and every key in the example is one the parser reads.
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(example).sort());
    expect(parsed).toEqual(example);
  });
});

describe('parseConfig', () => {
  it('needs a pool id that names its region, and fills the defaults', () => {
    expect(() => parseConfig({ userPoolId: 'nope', userPoolClientId: 'c' })).toThrow(ConfigError);
    expect(parseConfig({ userPoolId: 'eu-west-1_abc', userPoolClientId: 'c' })).toMatchObject({ region: 'eu-west-1', sessionMinutes: 3, appName: 'Sign in', redirectAllowList: [] });
  });
});
