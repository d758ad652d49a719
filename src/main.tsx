import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { configureAmplify } from './machine/amplify-auth';
import './styles/app.css';
import './styles/page.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    configureAmplify(config);
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  })
  .catch((e: unknown) => {
    root.render(
      <main className="card">
        <h1>This sign-in page is not configured.</h1>
        <p role="alert">{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    );
  });
