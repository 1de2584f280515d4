import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { LiveStatus } from '../../components/ui/notice';
import { Panel } from '../../components/ui/panel';
import { messageOf } from '../../lib/api';
import { plural } from '../../lib/format';
import { useSession } from '../auth/session';
import { accountApi } from './account-api';

function revokedMessage(count: number): string {
  return count === 0
    ? 'You were not signed in anywhere else, so nothing changed.'
    : `Done: signed out of ${plural(count, 'other device')}. This one stays signed in.`;
}

/** Signing out elsewhere (a lost phone, a library computer), and signing out here. */
export function DevicesPanel() {
  const { signOut } = useSession();
  const [busy, setBusy] = useState<'others' | 'here' | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; message: string } | null>(null);

  async function run(which: 'others' | 'here') {
    setBusy(which);
    setResult(null);
    try {
      if (which === 'others') setResult({ tone: 'success', message: revokedMessage(await accountApi.signOutOtherDevices()) });
      else await signOut();
    } catch (error) {
      setResult({ tone: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Panel title="Devices" description="Signed in on a shared or lost device? Sign out everywhere except here.">
      <div className="button-row">
        <Button busy={busy === 'others'} onClick={() => void run('others')}>
          {busy === 'others' ? 'Signing out other devices…' : 'Sign out of other devices'}
        </Button>
        <Button variant="quiet" busy={busy === 'here'} onClick={() => void run('here')}>
          {busy === 'here' ? 'Signing out…' : 'Sign out of this device'}
        </Button>
      </div>
      <LiveStatus message={result?.message ?? null} tone={result?.tone ?? 'success'} />
    </Panel>
  );
}
