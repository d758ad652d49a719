import { createContext, useContext } from 'react';
import { de } from './de';
import { en, type Catalog, type MessageKey } from './en';

export type { MessageKey } from './en';

const catalogs = { en, de } satisfies Record<string, Catalog>;
export type Locale = keyof typeof catalogs;
export const LOCALES = Object.keys(catalogs) as Locale[];

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog: Catalog = catalogs[locale];
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
}

const isLocale = (tag: string | null | undefined): tag is Locale => !!tag && (LOCALES as string[]).includes(tag);

/** ?lang= first, then the configured locale, then the browser's languages, then English. */
export function pickLocale(options: { query?: string | null; configured?: string | undefined; browser?: readonly string[] }): Locale {
  for (const tag of [options.query, options.configured, ...(options.browser ?? [])]) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export const I18nContext = createContext<Translate>(translator('en'));
export const useT = () => useContext(I18nContext);
