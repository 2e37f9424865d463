import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../api';
import { findMenuItem, leafItems } from './menuTree';

const item = (key: string, extra: Partial<MenuItem> = {}): MenuItem => ({ key, title: key, actions: [], children: [], ...extra });
const menu = [
  item('org', { children: [item('org.department', { entity: 'department', actions: ['create'] })] }),
  item('hr', { children: [item('hr.person', { entity: 'person' }), item('hr.detail', { children: [item('hr.probation', { entity: 'probation' })] })] }),
  item('system', { children: [item('system.designer', { route: '/designer/' })] }),
];

describe('menuTree', () => {
  it('given an entity, then its menu item and the keys of the groups above it are found', () => {
    const found = findMenuItem(menu, (i) => i.entity === 'probation');
    expect(found?.item.key).toBe('hr.probation');
    expect(found?.ancestors).toEqual(['hr', 'hr.detail']);
  });

  it('lists the items that open something, depth first', () => {
    expect(leafItems(menu).map((i) => i.key)).toEqual(['org.department', 'hr.person', 'hr.probation', 'system.designer']);
  });
});
