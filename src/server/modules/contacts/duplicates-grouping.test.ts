import { describe, expect, it } from 'vitest';
import { groupLinks } from './duplicates-grouping';

describe('groupLinks', () => {
  it('joins chains into one group named by its smallest key, so each id is in one group', () => {
    const groups = groupLinks([
      { key: 'b@x', id: '2', otherId: '1' },
      { key: 'a@x', id: '3', otherId: '2' },
      { key: 'z@x', id: '9', otherId: '8' },
      { key: 'c@x', id: '4', otherId: '3' },
    ]);
    expect(groups).toEqual([
      { key: 'a@x', ids: expect.arrayContaining(['1', '2', '3', '4']) },
      { key: 'z@x', ids: expect.arrayContaining(['8', '9']) },
    ]);
    expect(groups[0]?.ids).toHaveLength(4);
  });

  it('ignores self-links and gives nothing for no links', () => {
    expect(groupLinks([{ key: 'k', id: '1', otherId: '1' }])).toEqual([]);
    expect(groupLinks([])).toEqual([]);
  });

  it('handles a long chain without deep recursion', () => {
    const links = Array.from({ length: 50_000 }, (_, i) => ({ key: `k${i}`, id: String(i + 1), otherId: String(i) }));
    const groups = groupLinks(links);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.ids).toHaveLength(50_001);
  });
});
