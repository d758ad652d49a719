import type { CSSProperties } from 'react';

/** The theme's documented knobs, each a CSS custom property --signin-<name> (see styles/app.css). */
export type ThemeName =
  | 'font' | 'font-mono' | 'font-size' | 'bg' | 'surface' | 'text' | 'muted' | 'border' | 'primary' | 'primary-text'
  | 'danger' | 'success' | 'focus' | 'radius' | 'space' | 'width';

export type Theme = Partial<Record<ThemeName, string>>;

/** Custom properties set through the CSSOM (React's style prop), which a strict CSP allows. */
export function themeStyle(theme: Theme | undefined): CSSProperties | undefined {
  if (!theme) return undefined;
  return Object.fromEntries(Object.entries(theme).map(([name, value]) => [`--signin-${name}`, value])) as CSSProperties;
}
