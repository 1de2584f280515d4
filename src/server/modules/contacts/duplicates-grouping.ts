import type { DuplicateLink } from './duplicates.repo';

export type LinkedGroup = { key: string; ids: string[] };

/**
 * Joins links into groups (connected components, union-find): if A shares an email with B and B another
 * with C, A, B and C are one group, so a contact is in at most one group per reason. A group is named by its
 * smallest key; groups come in key order, ids in the order first seen.
 */
export function groupLinks(links: DuplicateLink[]): LinkedGroup[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    // Path compression keeps later look-ups short.
    for (let node = id; node !== root; ) {
      const up = parent.get(node) ?? root;
      parent.set(node, root);
      node = up;
    }
    return root;
  };
  const add = (id: string) => {
    if (!parent.has(id)) parent.set(id, id);
  };
  for (const link of links) {
    add(link.id);
    add(link.otherId);
    const a = find(link.id);
    const b = find(link.otherId);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }

  const groups = new Map<string, LinkedGroup>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.ids.push(id);
    else groups.set(root, { key: '', ids: [id] });
  }
  for (const link of links) {
    const group = groups.get(find(link.id));
    if (group && (group.key === '' || link.key < group.key)) group.key = link.key;
  }
  return [...groups.values()].filter((group) => group.ids.length > 1).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
