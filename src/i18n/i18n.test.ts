import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { loadLocale, pickLocale, translator } from './index';

describe('i18n', () => {
  it('has every English key in German, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
  });

  it('fills placeholders and leaves unknown ones visible', async () => {
    expect(translator('de')('signIn.title')).toBe('Sign in'); // not loaded yet: English
    await loadLocale('de');
    expect(translator('de')('sms.sentTo', { destination: '+*******0100' })).toBe('Wir haben einen Code an +*******0100 gesendet.');
    expect(translator('en')('sms.sentTo')).toBe('We sent a code to {destination}.');
  });

  it('picks ?lang=, then config, then the browser, then English', () => {
    expect(pickLocale({ query: 'de', configured: 'en' })).toBe('de');
    expect(pickLocale({ query: 'xx', configured: 'de' })).toBe('de');
    expect(pickLocale({ browser: ['fr-FR', 'de-AT'] })).toBe('de');
    expect(pickLocale({ browser: ['fr-FR'] })).toBe('en');
  });
});
