import { createContext, useContext } from 'react';
import { en, type Catalog, type MessageKey } from './en';

export type { MessageKey } from './en';

/** English is built in; other catalogs load on demand (loadLocale) so a user downloads one language. */
const loaders = { en: () => Promise.resolve(en), de: () => import('./de').then((m) => m.de) } satisfies Record<string, () => Promise<Catalog>>;
export type Locale = keyof typeof loaders;
export const LOCALES = Object.keys(loaders) as Locale[];
const loaded: Partial<Record<Locale, Catalog>> = { en };

export async function loadLocale(locale: Locale): Promise<void> {
  loaded[locale] ??= await loaders[locale]();
}

/** For bundles that want a catalog without the round trip (the library). */
export function registerCatalog(locale: Locale, catalog: Catalog): void {
  loaded[locale] = catalog;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Falls back to English for a catalog not loaded (yet). */
export function translator(locale: Locale): Translate {
  const catalog: Catalog = loaded[locale] ?? en;
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
