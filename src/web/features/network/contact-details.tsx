import type { ReactNode } from 'react';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { safeHttpUrl, shortUrl, telHref } from './safe-url';
import { SOURCE_LABELS } from './labels';

/** A link when the address is http(s), plain text otherwise (an old record with a `javascript:` link stays inert). */
function WebLink({ href, children }: { href: string; children: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** How to reach them and what you know about them; only what is filled in is shown. */
export function ContactDetails({ contact }: { contact: ContactDto }) {
  const rows: { label: string; value: ReactNode }[] = [];
  if (contact.emails.length > 0) {
    rows.push({
      label: contact.emails.length === 1 ? 'Email' : 'Emails',
      value: (
        <ul className="plain-list">
          {contact.emails.map((email) => (
            <li key={email}>
              <a href={`mailto:${email}`}>{email}</a>
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (contact.phones.length > 0) {
    rows.push({
      label: contact.phones.length === 1 ? 'Phone' : 'Phones',
      value: (
        <ul className="plain-list">
          {contact.phones.map((phone) => (
            <li key={phone}>
              <a href={telHref(phone)}>{phone}</a>
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (contact.linkedinUrl) rows.push({ label: 'LinkedIn', value: <WebLink href={contact.linkedinUrl}>{shortUrl(contact.linkedinUrl)}</WebLink> });
  if (contact.links.length > 0) {
    rows.push({
      label: 'Links',
      value: (
        <ul className="plain-list">
          {contact.links.map((link) => (
            <li key={link}>
              <WebLink href={link}>{shortUrl(link)}</WebLink>
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (contact.field) rows.push({ label: 'Field', value: contact.field });
  if (contact.location) rows.push({ label: 'Location', value: contact.location });
  if (contact.howMet) rows.push({ label: 'How you met', value: contact.howMet });
  if (contact.source) rows.push({ label: 'Found through', value: SOURCE_LABELS[contact.source] });
  if (contact.tags.length > 0) {
    rows.push({
      label: 'Tags',
      value: (
        <ul className="tag-list">
          {contact.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      ),
    });
  }

  return (
    <div className="stack">
      {rows.length > 0 ? (
        <dl className="details-list">
          {rows.map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No details yet. Edit to add an email, a phone or how you met.</p>
      )}
      {contact.notes ? (
        <div className="stack contact-notes">
          <h3>Notes</h3>
          <p className="pre-wrap">{contact.notes}</p>
        </div>
      ) : null}
    </div>
  );
}
