import type { MailDto } from '../../../shared/contracts/admin';
import { Badge } from '../../components/ui/badge';

const STATUS: Record<MailDto['status'], { label: string; tone: 'neutral' | 'accent' | 'success' | 'warning' | 'danger' }> = {
  kept: { label: 'Kept here', tone: 'neutral' },
  queued: { label: 'Waiting to send', tone: 'accent' },
  sending: { label: 'Sending', tone: 'accent' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function MailStatus({ status }: { status: MailDto['status'] }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
