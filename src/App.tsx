import { useMemo } from 'react';
import type { RuntimeConfig } from './config';
import { I18nContext, translator } from './i18n';
import { createAmplifyAuthApi } from './machine/amplify-auth';
import { AuthProvider } from './react/auth';
import { CurrentScreen } from './screens';

export function App({ config }: { config: RuntimeConfig }) {
  const api = useMemo(() => createAmplifyAuthApi(config), [config]);
  const t = useMemo(() => translator('en'), []);
  return (
    <I18nContext.Provider value={t}>
      <div className="app">
        <header className="brand">{config.appName}</header>
        <AuthProvider api={api} input={{ codeValidityMs: config.sessionMinutes * 60_000, mfaRequired: config.mfaRequired ?? false }}>
          <CurrentScreen />
        </AuthProvider>
      </div>
    </I18nContext.Provider>
  );
}
