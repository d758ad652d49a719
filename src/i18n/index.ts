import { createContext, useContext } from 'react';
import type { Catalog, MessageKey } from './en';
import { enCore } from './en-core';
import { directionOf, LOCALE_CODES, type Locale, pickLocale } from './locale-choice';

export type { MessageKey } from './en';

/**
 * The first screen's English is built in (en-core.ts); every catalog, English included, loads on
 * demand (loadLocale), so a user downloads one language and the first screen only what it shows.
 */
const loaders = {
  en: () => import('./en').then((m) => m.en),
  de: () => import('./de').then((m) => m.de),
  fr: () => import('./fr').then((m) => m.fr),
  es: () => import('./es').then((m) => m.es),
  it: () => import('./it').then((m) => m.it),
  pt: () => import('./pt').then((m) => m.pt),
  nl: () => import('./nl').then((m) => m.nl),
  pl: () => import('./pl').then((m) => m.pl),
  sv: () => import('./sv').then((m) => m.sv),
  ar: () => import('./ar').then((m) => m.ar),
  he: () => import('./he').then((m) => m.he),
  ja: () => import('./ja').then((m) => m.ja),
  zh: () => import('./zh').then((m) => m.zh),
  ko: () => import('./ko').then((m) => m.ko),
  th: () => import('./th').then((m) => m.th),
  ru: () => import('./ru').then((m) => m.ru),
  uk: () => import('./uk').then((m) => m.uk),
  tr: () => import('./tr').then((m) => m.tr),
  hu: () => import('./hu').then((m) => m.hu),
  id: () => import('./id').then((m) => m.id),
  nb: () => import('./nb').then((m) => m.nb),
} satisfies Record<Locale, () => Promise<Catalog>>;
export type { Locale };
export const LOCALES: Locale[] = [...LOCALE_CODES];
const loaded: Partial<Record<Locale, Catalog>> = {};

export async function loadLocale(locale: Locale): Promise<void> {
  loaded[locale] ??= await loaders[locale]();
}

const overrides: Partial<Record<Locale, Partial<Catalog>>> = {};

/**
 * A host app's own wording: any messages of a language, replacing the shipped ones (kept across the
 * language's on-demand load). Call before rendering.
 */
export function overrideMessages(locale: Locale, messages: Partial<Catalog>): void {
  overrides[locale] = { ...overrides[locale], ...messages };
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A message of the screens after sign-in, before their catalog has loaded: never shown (see withCatalog). */
const missing = (key: string) => key;

/**
 * Falls back to English for a catalog not loaded (yet). Looked up at each call, so a catalog that
 * arrives later (English beyond the first screen) is used from then on.
 */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const message = overrides[locale]?.[key] ?? loaded[locale]?.[key] ?? loaded.en?.[key] ?? (enCore as Partial<Catalog>)[key] ?? missing(key);
    return message.replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}

/** A lazily loaded screen and the English it may fall back to, together (React.lazy's loader). */
export const withCatalog = <T>(chunk: Promise<T>): Promise<T> => Promise.all([chunk, loadLocale('en')]).then(([m]) => m);

export { directionOf, pickLocale };

export const I18nContext = createContext<Translate>(translator('en'));
export const useT = () => useContext(I18nContext);
