import { createElement, type ReactNode, useEffect, useRef } from 'react';
import { useEmbedding, useScopedId } from '../react/embed';

/**
 * A screen: its heading takes focus when it appears, so screen readers announce where the user is.
 * Standalone it is the page's <main> with an <h1>; embedded, a region named by its heading, at the
 * host's heading level, and the first screen leaves the host page's focus alone.
 */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { embedding, lastScreen } = useEmbedding();
  const headingId = useScopedId('screen-heading');
  useEffect(() => {
    // Embedded, focus moves on a change of screen, never for the first one (nor for StrictMode's
    // second run of this effect, which sees the same title).
    const previous = lastScreen.current;
    lastScreen.current = title;
    if (embedding.focusFirstScreen || (previous !== undefined && previous !== title)) heading.current?.focus();
  }, [title, embedding.focusFirstScreen, lastScreen]);
  const h = createElement(`h${embedding.headingLevel}`, { tabIndex: -1, ref: heading, id: headingId, className: 'screen-title' }, title);
  return embedding.landmark === 'main' ? (
    <main className="card">{h}{children}</main>
  ) : (
    <section className="card" aria-labelledby={headingId}>
      {h}
      {children}
    </section>
  );
}

/** A section heading one level below the screen's. */
export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  const { embedding } = useEmbedding();
  return createElement(`h${Math.min(embedding.headingLevel + 1, 6)}`, { id }, children);
}
