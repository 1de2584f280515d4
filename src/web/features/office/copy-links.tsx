import { Button } from '../../components/ui/button';
import { useClipboard } from '../../lib/use-clipboard';

const LINK = /https?:\/\/[^\s<>"]+/g;

/**
 * Without SMTP an admin passes links on by hand (a password reset, an invitation); one button per link
 * in the message copies it exactly, with no risk of catching a line break or half a token.
 */
export function CopyLinks({ text }: { text: string }) {
  const links = [...new Set(text.match(LINK) ?? [])];
  const clipboard = useClipboard();
  if (links.length === 0) return null;

  return (
    <div className="copy-links">
      <div className="button-row">
        {links.map((link, index) => (
          <Button key={link} onClick={() => void clipboard.copy(link)}>
            {links.length === 1 ? 'Copy link' : `Copy link ${index + 1}`}
          </Button>
        ))}
      </div>
      <p className="muted" role="status">
        {clipboard.status === 'failed'
          ? 'This browser did not let us copy. Select the link in the text and copy it instead.'
          : clipboard.status === 'copied'
            ? 'Link copied. Send it to them privately; it works once.'
            : ''}
      </p>
    </div>
  );
}
