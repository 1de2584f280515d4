import { Link } from 'react-router';
import './brand.css';

/** The product name as a link to the start page. */
export function Brand({ to }: { to: string }) {
  return (
    <Link to={to} className="brand">
      <span className="brand-mark" aria-hidden="true">
        R
      </span>
      <span className="brand-name">Rapport</span>
    </Link>
  );
}
