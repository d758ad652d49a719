import { createContext, useContext } from 'react';
import { en, type Catalog, type MessageKey } from './en';

export type { MessageKey } from './en';
export type Locale = 'en';

const catalogs: Record<Locale, Catalog> = { en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
}

export const I18nContext = createContext<Translate>(translator('en'));
export const useT = () => useContext(I18nContext);
