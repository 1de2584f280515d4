import { useState } from 'react';
import { Button } from '../../components/ui/button';

const LINK = /https?:\/\/[^\s<>"]+/g;

/**
 * Without SMTP an admin passes links on by hand (a password reset, an invitation); one button per link
 * in the message copies it exactly, with no risk of catching a line break or half a token.
 */
export function CopyLinks({ text }: { text: string }) {
  const links = [...new Set(text.match(LINK) ?? [])];
  const [copied, setCopied] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  if (links.length === 0) return null;

  async function copy(link: string) {
    setFailed(false);
    try {
      await navigator.clipboard.writeText(link);
      setCopied(link);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="copy-links">
      <div className="button-row">
        {links.map((link, index) => (
          <Button key={link} onClick={() => void copy(link)}>
            {links.length === 1 ? 'Copy link' : `Copy link ${index + 1}`}
          </Button>
        ))}
      </div>
      <p className="muted" role="status">
        {failed ? 'This browser did not let us copy. Select the link in the text and copy it instead.' : copied ? 'Link copied. Send it to them privately; it works once.' : ''}
      </p>
    </div>
  );
}
