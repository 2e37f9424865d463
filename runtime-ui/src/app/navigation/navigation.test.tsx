import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MenuItem } from '../../api';
import { renderRoute } from '../routes';
import { menuItemAt, menuTarget } from './menuTargets';
import { pageRegistry } from './pageRegistry';

const item = (key: string, extra: Partial<MenuItem> = {}): MenuItem => ({ key, title: key, actions: [], children: [], ...extra });
const menu = [
  item('hr', { children: [item('hr.person', { entity: 'person' })] }),
  item('system', { children: [item('system.role', { actions: ['create'] }), item('system.account'), item('system.audit'),
    item('system.designer', { route: '/designer/' })] }),
];

describe('page registry and menu targets', () => {
  it('maps the system management items to their pages by key', () => {
    expect(Object.fromEntries(Object.entries(pageRegistry).map(([key, page]) => [key, page.path]))).toEqual({
      'system.role': '/system/roles', 'system.account': '/system/accounts', 'system.audit': '/system/audit',
      'hr.importJobs': '/hr/import-jobs', tasks: '/tasks', 'exam.submit': '/exam/pre-registration', 'exam.accepted': '/exam/accepted',
      'hr.transferOut': '/hr/transfers/out', 'hr.transferIn': '/hr/transfers/in', 'hr.transferApply': '/hr/transfers/apply',
    });
  });

  it('leads registered items and entities to pages of this app, routes elsewhere, groups nowhere', () => {
    expect(menuTarget(item('system.account'))).toEqual({ kind: 'page', path: '/system/accounts' });
    expect(menuTarget(item('hr.person', { entity: 'person' }))).toEqual({ kind: 'page', path: '/data/person' });
    expect(menuTarget(item('system.designer', { route: '/designer/' }))).toEqual({ kind: 'external', href: '/designer/' });
    expect(menuTarget(item('hr'))).toBeUndefined();
  });

  it('finds the item of the current page (to highlight it) with its groups', () => {
    expect(menuItemAt(menu, '/system/audit')).toEqual({ item: menu[1]!.children[2], ancestors: ['system'] });
    expect(menuItemAt(menu, '/data/person')?.item.key).toBe('hr.person');
  });

  it('given a registered page the menu does not grant, then the router answers 没有访问权限', () => {
    render(<>{renderRoute('/system/roles', [item('hr')])}</>);
    expect(screen.getByText('没有访问权限')).toBeTruthy();
  });
});
