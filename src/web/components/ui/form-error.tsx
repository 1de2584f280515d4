import type { ReactNode } from 'react';
import { Notice } from './notice';

/** The message of a form that belongs to no single field, read out as soon as it appears. */
export function FormError({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <Notice tone="danger" live="alert">
      <p>{message}</p>
      {children}
    </Notice>
  );
}
