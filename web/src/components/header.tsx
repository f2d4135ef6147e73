import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { setToken, signInForDevelopment, useToken } from '../auth';
import { Link, useLocation } from '../router';
import { tokenClaims } from '../token-claims';

function NavLink({ href, children }: { href: string; children: string }) {
  const { pathname } = useLocation();
  const current = href === '/' ? pathname === '/' : pathname.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Header() {
  return (
    <header className="site-header">
      <Link className="brand" href="/">
        profile<span>graph</span>
      </Link>
      <nav aria-label="Main">
        <NavLink href="/">Search</NavLink>
        <NavLink href="/skills">Skills</NavLink>
        <a href="/graphiql">GraphiQL</a>
      </nav>
      <Account />
    </header>
  );
}

function Account() {
  const token = useToken();
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const claims = token ? tokenClaims(token) : null;

  const signOut = () => {
    setToken(null);
    void client.resetStore();
  };

  if (claims)
    return (
      <div className="account">
        <span className="muted">
          Signed in as <strong>{claims.subject}</strong>
          {claims.admin && ' (admin)'}
        </span>
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  return (
    <div className="account">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="sign-in">
        Sign in as…
      </button>
      {open && <SignInForm onDone={() => setOpen(false)} />}
    </div>
  );
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const client = useApolloClient();
  const [subject, setSubject] = useState('');
  const [admin, setAdmin] = useState(false);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const finish = () => {
    void client.resetStore();
    onDone();
  };
  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (pasted.trim()) setToken(pasted.trim());
      else await signInForDevelopment(subject.trim(), admin);
      finish();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <form id="sign-in" className="sign-in card" onSubmit={(event) => void signIn(event)} aria-label="Sign in">
      <p className="muted">Development only: the service signs a token for any account.</p>
      <label>
        Account (token subject)
        <input value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="e.g. petercai" autoFocus />
      </label>
      <label className="inline">
        <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> Admin
      </label>
      <details>
        <summary>Or paste a token</summary>
        <label>
          Bearer token
          <input value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </label>
      </details>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={!subject.trim() && !pasted.trim()}>
        Sign in
      </button>
    </form>
  );
}
