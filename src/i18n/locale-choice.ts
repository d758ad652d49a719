/**
 * Which language a page shows: the same rules for the app (main.tsx) and for the first screen
 * before the app's JavaScript arrives (src/first-screen/runtime.ts), so the two never disagree.
 * No React, no catalogs: the first screen's script bundles this alone.
 */
export const LOCALE_CODES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ar', 'he', 'ja', 'zh', 'ko', 'th', 'ru', 'uk', 'tr', 'hu', 'id', 'nb'] as const;
export type Locale = (typeof LOCALE_CODES)[number];

/** Tags browsers send for a language under another code: Norwegian, and Hebrew and Indonesian's old codes. */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };

const isLocale = (tag: string): tag is Locale => (LOCALE_CODES as readonly string[]).includes(tag);

/** A language tag (de-CH, zh-Hant-TW, nb-NO…) as one of ours, if we have it. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[base] ?? base;
  return isLocale(code) ? code : undefined;
}

/** ?lang= first, then the configured locale, then the browser's languages, then English. */
export function pickLocale(options: { query?: string | null | undefined; configured?: string | undefined; browser?: readonly string[] }): Locale {
  for (const tag of [options.query, options.configured, ...(options.browser ?? [])]) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** Languages written right to left: the page sets dir="rtl" and its layout mirrors. */
const RTL: readonly string[] = ['ar', 'he'];
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.includes(locale) ? 'rtl' : 'ltr');
