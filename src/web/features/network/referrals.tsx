import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { contactsApi } from './contacts-api';
import { roleAt } from './labels';

const CHAIN_LIMIT = 5;

/** Who introduced whom, up the chain: this person's referrer, theirs, and so on (at most five, no loops). */
async function referrerChain(id: string, referredById: string | null): Promise<ContactDto[]> {
  const chain: ContactDto[] = [];
  const seen = new Set([id]);
  let next = referredById;
  while (next && !seen.has(next) && chain.length < CHAIN_LIMIT) {
    seen.add(next);
    try {
      const referrer = await contactsApi.get(next);
      chain.push(referrer);
      next = referrer.referredById;
    } catch {
      break;
    }
  }
  return chain;
}

function Person({ contact }: { contact: ContactDto }) {
  const role = roleAt(contact);
  return (
    <>
      <Link to={`/network/${contact.id}`}>{contact.displayName}</Link>
      {role ? <span className="muted"> · {role}</span> : null}
    </>
  );
}

/** "Referred by" (the chain) and the people this person referred. */
export function Referrals({ contact }: { contact: ContactDto }) {
  const [chain, setChain] = useState<ContactDto[] | null>(null);
  const [referred, setReferred] = useState<ContactDto[] | null>(null);
  const { id, referredById } = contact;

  useEffect(() => {
    let current = true;
    void referrerChain(id, referredById).then((found) => current && setChain(found));
    contactsApi.referredBy(id).then(
      (found) => current && setReferred(found),
      () => current && setReferred([]),
    );
    return () => {
      current = false;
    };
  }, [id, referredById]);

  if (chain === null || referred === null) return <p className="muted">Loading…</p>;
  if (chain.length === 0 && referred.length === 0) {
    return <p className="muted">Nobody yet. When {contact.firstName} introduces you to someone, choose them under “Referred by” on that person.</p>;
  }
  return (
    <div className="stack">
      {chain.length > 0 ? (
        <div className="stack-sm">
          <h3>Referred by</h3>
          <ol className="referral-chain">
            {chain.map((person) => (
              <li key={person.id}>
                <Person contact={person} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {referred.length > 0 ? (
        <div className="stack-sm">
          <h3>{`${contact.firstName} introduced you to`}</h3>
          <ul className="plain-list">
            {referred.map((person) => (
              <li key={person.id}>
                <Person contact={person} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
