import { useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Icon } from '../../components/ui/icon';
import { messageOf } from '../../lib/api';
import { useDisclosure } from '../../lib/use-disclosure';
import { landingFor } from '../auth/landing';
import { useSession, useSignedInUser } from '../auth/session';
import { Brand } from './brand';
import { bottomBar, navFor, type NavItem } from './nav-items';
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

/**
 * The phone bar's "More": a button that opens the items the bar has no room for, above the bar. Escape or a tap
 * elsewhere closes it; the cursor goes back to the button on Escape.
 */
function MoreMenu({ items }: { items: readonly NavItem[] }) {
  const { open, setOpen, toggle, root, button } = useDisclosure();
  const { pathname } = useLocation();
  const current = items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));

  return (
    <div className="nav-more" ref={root}>
      <button
        ref={button}
        type="button"
        className="nav-link nav-more-button"
        aria-expanded={open}
        aria-controls="nav-more-panel"
        data-current={current || undefined}
        onClick={toggle}
      >
        <Icon name="more" />
        <span>More</span>
      </button>
      <ul id="nav-more-panel" className="nav-more-panel" aria-label="More" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="nav-link" onClick={() => setOpen(false)}>
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MainNav() {
  const user = useSignedInUser();
  const sections = navFor(user.role);
  // On a phone the items past the bar's room move under "More" (hidden from the bar by CSS, still in the rail).
  const { more } = bottomBar(sections.flatMap((section) => section.items));
  const overflow = new Set(more.map((item) => item.to));
  return (
    <nav className="shell-nav" aria-label="Main">
      <ul className="nav-list">
        {sections.map((section) => {
          const links = section.items.map((item) => (
            <li key={item.to} className={overflow.has(item.to) ? 'nav-item nav-item--overflow' : 'nav-item'}>
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
        {more.length > 0 ? (
          <li className="nav-item nav-item--more">
            <MoreMenu items={more} />
          </li>
        ) : null}
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
