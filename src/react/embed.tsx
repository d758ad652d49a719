/**
 * How the screens sit in their page. The standalone app owns the page: each screen is its <main>,
 * with an <h1> that takes focus. Embedded in a host app (the library), the host owns the page: a
 * screen is a named region with the heading level the host chooses, focus moves only on
 * transitions after the first screen, and ids carry a per-instance prefix so that two instances,
 * or a host field called "username", never clash.
 */
import { createContext, type ReactNode, useContext, useId, useRef } from 'react';

export interface Embedding {
  landmark: 'main' | 'region';
  /** Level of each screen's heading; its sections use the next one. */
  headingLevel: 1 | 2 | 3 | 4 | 5 | 6;
  /** Prefix of every id the screens render. */
  idPrefix: string;
  /** Whether the first screen takes focus (a host page keeps its focus until the user acts). */
  focusFirstScreen: boolean;
}

const STANDALONE: Embedding = { landmark: 'main', headingLevel: 1, idPrefix: '', focusFirstScreen: true };

/** `lastScreen`: the title of the screen shown last in this instance (undefined before the first). */
const EmbeddingContext = createContext<{ embedding: Embedding; lastScreen: { current: string | undefined } }>({ embedding: STANDALONE, lastScreen: { current: undefined } });

export function EmbeddedIn({ headingLevel = 2, children }: { headingLevel?: Embedding['headingLevel'] | undefined; children: ReactNode }) {
  const prefix = `signin${useId().replace(/[^\w-]/g, '')}-`;
  const lastScreen = useRef<string | undefined>(undefined);
  return (
    <EmbeddingContext.Provider value={{ embedding: { landmark: 'region', headingLevel, idPrefix: prefix, focusFirstScreen: false }, lastScreen }}>{children}</EmbeddingContext.Provider>
  );
}

export const useEmbedding = () => useContext(EmbeddingContext);

/** An id unique to this instance of the component. */
export function useScopedId(id: string): string {
  return useContext(EmbeddingContext).embedding.idPrefix + id;
}
