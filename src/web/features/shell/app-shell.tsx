import { useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Icon } from '../../components/ui/icon';
import { messageOf } from '../../lib/api';
import { landingFor } from '../auth/landing';
import { useSession, useSignedInUser } from '../auth/session';
import { Brand } from './brand';
import { navFor } from './nav-items';
import { ShortcutsProvider, useShortcutHelp } from './shortcuts';
import './app-shell.css';

function SignOutButton() {
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="shell-action"
        aria-busy={busy || undefined}
        onClick={() => {
          setBusy(true);
          setError(null);
          signOut().catch((cause: unknown) => {
            setBusy(false);
            setError(`Could not sign out. ${messageOf(cause)}`);
          });
        }}
      >
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {error ? (
        <p className="shell-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function ShortcutsButton() {
  const openHelp = useShortcutHelp();
  return (
    <button type="button" className="shell-action shell-action--icon" onClick={openHelp}>
      <Icon name="keyboard" />
      <span className="visually-hidden">Keyboard shortcuts</span>
    </button>
  );
}

function MainNav() {
  const user = useSignedInUser();
  return (
    <nav className="shell-nav" aria-label="Main">
      <ul className="nav-list">
        {navFor(user.role).map((section) => {
          const links = section.items.map((item) => (
            <li key={item.to} className="nav-item">
              <NavLink to={item.to} className="nav-link">
                <Icon name={item.icon} />
                <span>{item.label}</span>
              </NavLink>
            </li>
          ));
          if (!section.label) return links;
          return (
            <li key={section.label} className="nav-section">
              <span className="nav-section-label" aria-hidden="true">
                {section.label}
              </span>
              <ul className="nav-sublist" aria-label={section.label}>
                {links}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The signed-in frame: header with name and sign-out, a rail (laptop) or bottom bar (phone), the page. */
export function AppShell({ children }: { children?: ReactNode }) {
  const user = useSignedInUser();
  return (
    <ShortcutsProvider>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="shell">
        <header className="shell-header">
          <Brand to={landingFor(user.role)} />
          <div className="shell-user">
            <span className="shell-user-name" title={user.name}>
              {user.name}
            </span>
            <ShortcutsButton />
            <SignOutButton />
          </div>
        </header>
        <MainNav />
        <main id="main" className="shell-main" tabIndex={-1}>
          <div className="shell-content">{children ?? <Outlet />}</div>
        </main>
      </div>
    </ShortcutsProvider>
  );
}
