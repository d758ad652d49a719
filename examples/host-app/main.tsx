/** An app that embeds the library's components: <SignIn> (themed) and, once signed in, <AccountSecurity>. */
import { AccountSecurity, type CustomChallengeRenderer, SignIn, type LibraryConfig, type UserInfo } from 'cognito-mfa-signin';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** ?scheme=dark|auto tries the component's colour-scheme option; left out, the component is light like this page. */
const scheme = (new URLSearchParams(window.location.search).get('scheme') ?? 'light') as 'light' | 'dark' | 'auto';

/**
 * The host's own UI for the pool's custom challenges (renderCustomChallenge): here a question and
 * an answer; a CAPTCHA widget would be drawn the same way, calling `answer` with its token.
 */
const renderCustomChallenge: CustomChallengeRenderer = ({ parameters, answer, pending, notAccepted }) => (
  <form
    className="host-challenge"
    onSubmit={(e) => {
      e.preventDefault();
      answer(String(new FormData(e.currentTarget).get('answer') ?? ''));
    }}
  >
    <p>{parameters.question ?? 'Answer to go on.'}</p>
    {notAccepted && <p role="status">Not accepted: try again.</p>}
    <label>
      Answer for Acme <input name="answer" autoComplete="off" />
    </label>
    <button type="submit" disabled={pending}>
      Send answer
    </button>
  </form>
);

function HostApp({ config }: { config: LibraryConfig }) {
  const [user, setUser] = useState<UserInfo | null>(null);
  const [settings, setSettings] = useState(false);
  return (
    <main>
      <h1>Acme dashboard</h1>
      <p role="status" data-testid="host-status">{user ? `Welcome, ${user.username}` : 'Please sign in below.'}</p>
      {!user && (
        <SignIn
          config={config}
          onSignedIn={setUser}
          colorScheme={scheme}
          theme={{ primary: '#6d28d9', radius: '2px', width: '22rem' }}
          renderCustomChallenge={renderCustomChallenge}
        />
      )}
      {user && !settings && (
        <button type="button" onClick={() => setSettings(true)}>
          Security settings
        </button>
      )}
      {user && settings && <AccountSecurity config={config} configureAmplify={false} onClose={() => setSettings(false)} />}
    </main>
  );
}

const config = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as LibraryConfig;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostApp config={config} />
  </StrictMode>,
);
