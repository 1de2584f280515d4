import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { Brand } from '../shell/brand';
import './auth-layout.css';

/** The frame of the signed-out pages: the name, one card, a quiet footer. */
export function AuthLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="auth-layout">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="auth-header">
        <Brand to="/sign-in" />
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <div className="auth-card">{children ?? <Outlet />}</div>
      </main>
      <footer className="auth-footer">
        <p>Rapport · your networking workspace from career services</p>
      </footer>
    </div>
  );
}
