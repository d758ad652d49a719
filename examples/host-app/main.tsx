/** An app that embeds the library's <SignIn> component, themed, and reacts to the sign-in. */
import { SignIn, type LibraryConfig, type UserInfo } from 'cognito-mfa-signin';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function HostApp({ config }: { config: LibraryConfig }) {
  const [user, setUser] = useState<UserInfo | null>(null);
  return (
    <main>
      <h1>Acme dashboard</h1>
      <p role="status" data-testid="host-status">{user ? `Welcome, ${user.username}` : 'Please sign in below.'}</p>
      <SignIn config={config} onSignedIn={setUser} theme={{ primary: '#6d28d9', radius: '2px' }} />
    </main>
  );
}

const config = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as LibraryConfig;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostApp config={config} />
  </StrictMode>,
);
