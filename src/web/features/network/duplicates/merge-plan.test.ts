import { describe, expect, test } from 'vitest';
import type { ContactDto } from '../../../../shared/contracts/contacts';
import { defaultChoices, differingFields, keptFirst, mergeSteps } from './merge-plan';

function contact(overrides: Partial<ContactDto>): ContactDto {
  return {
    id: 'id',
    firstName: 'Priya',
    lastName: 'Shah',
    displayName: 'Priya Shah',
    circle: 'professional',
    organization: 'Northwind',
    title: null,
    field: null,
    location: null,
    emails: [],
    phones: [],
    linkedinUrl: null,
    links: [],
    howMet: null,
    source: null,
    referredById: null,
    tags: [],
    notes: '',
    stage: 'potential',
    keepInTouchDays: 90,
    lastInteractionAt: null,
    nextDueAt: null,
    gives: 0,
    asks: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('merge plan', () => {
  const a = contact({ id: 'a', title: 'Analyst', createdAt: '2026-01-01T00:00:00.000Z' });
  const b = contact({ id: 'b', title: 'Senior analyst', location: 'Leeds', circle: 'community', createdAt: '2026-02-01T00:00:00.000Z' });
  const c = contact({ id: 'c', organization: 'Northwind Ltd', createdAt: '2026-03-01T00:00:00.000Z' });

  test('asks only about fields with two different values; a blank is filled without asking', () => {
    expect(differingFields([a, b])).toEqual(['circle', 'title']);
    expect(differingFields([a, contact({ id: 'x', title: ' analyst ' })])).toEqual([]);
  });

  test('keeps the oldest contact and starts from its values', () => {
    expect(keptFirst([c, b, a]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(defaultChoices([a, b])).toEqual({ circle: 0, title: 0 });
  });

  test('sends one merge per other contact, each taking only the fields chosen from it', () => {
    expect(mergeSteps([a, b, c], { title: 1, organization: 2, circle: 0 })).toEqual([
      { otherId: 'b', use: { title: 'other' } },
      { otherId: 'c', use: { organization: 'other' } },
    ]);
  });
});
