/**
 * Taking over the prerendered sign-in form (index.html carries it, rendered at build time, so the
 * page is typeable before any script runs): what the user typed, where the caret was, and whether
 * they already asked to sign in (/first-screen.js notes that: src/first-screen/runtime.ts). The app renders with these,
 * in the same task, so nothing typed is lost.
 */
import { createContext, useContext } from 'react';

export interface Takeover {
  values: { username: string; password: string };
  /** The field that had focus, with its selection. */
  focus?: { name: string; start: number | null; end: number | null };
  /** "Sign in" was pressed before the app was ready: the app submits once it has the form. */
  submit: boolean;
}

export const PRERENDERED_FORM = 'form[data-prerendered]';

export function readPrerendered(root: HTMLElement): Takeover | undefined {
  const form = root.querySelector<HTMLFormElement>(PRERENDERED_FORM);
  if (!form) return undefined;
  const value = (name: string) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement ? field.value : '';
  };
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && form.contains(active) && active.name ? active : undefined;
  return {
    values: { username: value('username'), password: value('password') },
    ...(focused ? { focus: { name: focused.name, start: focused.selectionStart, end: focused.selectionEnd } } : {}),
    submit: form.dataset.pending === 'submit',
  };
}

/** After the app's first render: the caret goes back where the user left it. */
export function restoreFocus(root: HTMLElement, takeover: Takeover): void {
  if (!takeover.focus) return;
  const field = root.querySelector<HTMLInputElement>(`form input[name="${CSS.escape(takeover.focus.name)}"]`);
  if (!field) return;
  field.focus();
  if (takeover.focus.start !== null && takeover.focus.end !== null) field.setSelectionRange(takeover.focus.start, takeover.focus.end);
}

export const TakeoverContext = createContext<Takeover | undefined>(undefined);
export const useTakeover = () => useContext(TakeoverContext);
