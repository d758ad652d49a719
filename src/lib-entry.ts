/**
 * The library bundle's entry: the components' stylesheet (emitted as style.css) and the public API.
 * The stylesheet import lives here, not in lib.tsx, so the published types (emitted from lib.tsx)
 * carry no CSS import a host's TypeScript can't resolve.
 */
import './styles/app.css';

export * from './lib';
