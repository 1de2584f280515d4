import { useState } from 'react';

type CopyState = { status: 'idle' | 'copied' | 'failed'; text: string | null };

/** Copies text to the clipboard and remembers what was copied, or that the browser refused (no permission). */
export function useClipboard() {
  const [state, setState] = useState<CopyState>({ status: 'idle', text: null });

  async function copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setState({ status: 'copied', text });
    } catch {
      setState({ status: 'failed', text });
    }
  }

  return { ...state, copy, reset: () => setState({ status: 'idle', text: null }) };
}
