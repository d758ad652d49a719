import { describe, expect, it, vi } from 'vitest';
import { type Catalog, en } from './en';
import { directionOf, LOCALES, loadLocale, overrideMessages, pickLocale, translator } from './index';

const catalogs = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, (await import(`./${l}.ts`))[l] as Catalog] as const)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it("ships Amplify UI's twenty languages and Arabic; Arabic and Hebrew written right to left (issue 24)", () => {
    expect([...LOCALES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'ko', 'nb', 'nl', 'pl', 'pt', 'ru', 'sv', 'th', 'tr', 'uk', 'zh']);
    expect(LOCALES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar', 'he']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key (every Cognito error among them), no other, with the same placeholders', (locale) => {
    const catalog = catalogs[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(catalog[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
      expect(catalog[key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', async () => {
    expect(translator('de')('signIn.title')).toBe('Sign in'); // not loaded yet: English
    await loadLocale('de');
    expect(translator('de')('sms.sentTo', { destination: '+*******0100' })).toBe('Wir haben einen Code an +*******0100 gesendet.');
    await loadLocale('en');
    expect(translator('en')('sms.sentTo')).toBe('We sent a code to {destination}.');
  });

  it('has the first screen\'s English built in; the rest comes with the screens that need it (withCatalog)', async () => {
    vi.resetModules();
    const fresh = await import('./index');
    const t = fresh.translator('en');
    expect(t('signIn.title')).toBe('Sign in');
    expect(t('error.badCredentials')).toBe('Incorrect username or password.');
    expect(t('account.title')).toBe('account.title');
    const screen = await fresh.withCatalog(Promise.resolve('a lazy screen'));
    expect(screen).toBe('a lazy screen');
    expect(t('account.title')).toBe('Account security');
  });

  it('lets a host override messages of a language, before and after it loads', async () => {
    overrideMessages('fr', { 'signIn.title': 'Connexion à Acme' });
    expect(translator('fr')('signIn.title')).toBe('Connexion à Acme');
    await loadLocale('fr');
    expect(translator('fr')('signIn.title')).toBe('Connexion à Acme');
    expect(translator('fr')('signIn.submit')).toBe('Se connecter');
  });

  it('picks ?lang=, then config, then the browser, then English', () => {
    expect(pickLocale({ query: 'de', configured: 'en' })).toBe('de');
    expect(pickLocale({ query: 'xx', configured: 'de' })).toBe('de');
    expect(pickLocale({ browser: ['xx-YY', 'de-AT'] })).toBe('de');
    expect(pickLocale({ browser: ['fr-FR'] })).toBe('fr');
    expect(pickLocale({ browser: ['ja-JP'] })).toBe('ja');
    expect(pickLocale({ browser: ['cy-GB'] })).toBe('en');
    // Tags browsers send under other codes, and scripts and regions after the language.
    expect(pickLocale({ browser: ['no'] })).toBe('nb');
    expect(pickLocale({ browser: ['nn-NO'] })).toBe('nb');
    expect(pickLocale({ browser: ['iw-IL'] })).toBe('he');
    expect(pickLocale({ browser: ['in-ID'] })).toBe('id');
    expect(pickLocale({ browser: ['zh-Hans-CN'] })).toBe('zh');
    expect(pickLocale({ browser: ['pt_BR'] })).toBe('pt');
  });
});
