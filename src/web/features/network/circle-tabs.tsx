import { CIRCLES, type Circle } from '../../../shared/contracts/contacts';
import { Tabs } from '../../components/ui/tabs';
import type { ContactSummary } from './contacts-api';
import { CIRCLE_LABELS } from './labels';

export type CircleTab = Circle | 'all';

/** All · Professional · Community · Personal · New potential, each with its count. */
export function CircleTabs({ value, onChange, summary, panelId }: { value: CircleTab; onChange: (value: CircleTab) => void; summary: ContactSummary | null; panelId: string }) {
  const options = [
    { value: 'all' as const, label: 'All', count: summary?.total },
    ...CIRCLES.map((circle) => ({ value: circle, label: CIRCLE_LABELS[circle], count: summary?.circles[circle] })),
  ];
  return <Tabs label="Circles" idPrefix="circle-tab" panelId={panelId} options={options} value={value} onChange={onChange} />;
}

export function isCircleTab(value: string | null): value is CircleTab {
  return value === 'all' || (CIRCLES as readonly string[]).includes(value ?? '');
}
