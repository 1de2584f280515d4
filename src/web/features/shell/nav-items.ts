import type { Role } from '../../../shared/contracts/users';
import type { IconName } from '../../components/ui/icon';
import { hasNetwork } from '../auth/landing';

export type NavItem = { to: string; label: string; icon: IconName };
export type NavSection = { label: string | null; items: NavItem[] };

/**
 * What each role may open, and nothing else (UX.md: a role never sees an item it cannot use). On a phone
 * these sit in a bottom bar, which holds five at most (see `bottomBar`).
 */
export function navFor(role: Role): NavSection[] {
  const sections: NavSection[] = [];
  if (role === 'admin') {
    sections.push({
      label: 'Office',
      items: [
        { to: '/office/users', label: 'Users', icon: 'users' },
        { to: '/office/reason-codes', label: 'Reason codes', icon: 'list' },
        { to: '/office/policy', label: 'Policy', icon: 'clock' },
        { to: '/office/outbox', label: 'Outbox', icon: 'mail' },
        { to: '/office/audit', label: 'Audit', icon: 'list' },
      ],
    });
  }
  const items: NavItem[] = [];
  // Students and alumni keep a private network; staff never see anyone's contacts (DESIGN.md roles).
  if (hasNetwork(role)) items.push({ to: '/network', label: 'Network', icon: 'network' });
  // Students and alumni book advising (APPT-01 audiences); advisors see their day and set their hours.
  if (hasNetwork(role)) items.push({ to: '/appointments', label: 'Appointments', icon: 'calendar' });
  if (role === 'advisor') {
    items.push({ to: '/agenda', label: 'Agenda', icon: 'calendar' }, { to: '/availability', label: 'Availability', icon: 'clock' });
  }
  items.push({ to: '/account', label: 'Account', icon: 'account' });
  sections.push({ label: null, items });
  return sections;
}

/** UX.md: a phone's bottom bar holds five items at most. */
export const BOTTOM_BAR_LIMIT = 5;

/**
 * The phone's bottom bar: every item when they fit, otherwise the first four and a "More" entry holding the
 * rest, so the bar never has more than five targets.
 */
export function bottomBar(items: readonly NavItem[]): { bar: NavItem[]; more: NavItem[] } {
  if (items.length <= BOTTOM_BAR_LIMIT) return { bar: [...items], more: [] };
  return { bar: items.slice(0, BOTTOM_BAR_LIMIT - 1), more: items.slice(BOTTOM_BAR_LIMIT - 1) };
}
