import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PermissionNode } from '../../api';
import { PermissionTree } from './PermissionTree';
import { checkedForEdit, checkedOf, keysToSave, toTreeData } from './permissionTree';

const leaf = (key: string, title: string): PermissionNode => ({ key, title, children: [] });
const tree: PermissionNode[] = [
  { key: 'hr', title: '机构人力资源', children: [
    { key: 'hr.person', title: '基本信息', children: [leaf('hr.person.view', '查看'), leaf('hr.person.create', '新增'), leaf('hr.person.update', '修改')] },
  ] },
  { key: 'org', title: '机构信息管理', children: [{ key: 'org.department', title: '部门管理', children: [leaf('org.department.view', '查看')] }] },
];

describe('permission tree keys', () => {
  it('names every node by its path, so 查看 under 基本信息 is told apart from 查看 elsewhere', () => {
    const data = toTreeData(tree);
    expect(data[0]!.children[0]!.children[0]!['aria-label']).toBe('机构人力资源 / 基本信息 / 查看');
    expect(data[1]!.children[0]!.children[0]!['aria-label']).toBe('机构信息管理 / 部门管理 / 查看');
  });

  it('given what antd reports as checked, then the known keys are saved once each in tree order', () => {
    expect(keysToSave(['hr.person.update', 'unknown', 'hr.person.view', 'hr.person.view'], tree)).toEqual(['hr.person.view', 'hr.person.update']);
    expect(checkedOf({ checked: ['hr'] })).toEqual(['hr']);
  });

  it('given a stored role, then keys the user may not grant are left out of the checked keys', () => {
    expect(checkedForEdit(['hr.person.view', 'system.role'], tree)).toEqual(['hr.person.view']);
  });
});

describe('PermissionTree (父子联动)', () => {
  const item = (name: string) => screen.getByRole('treeitem', { name });

  it('given a partly granted item, then it is indeterminate and its granted leaves are checked', () => {
    render(<PermissionTree nodes={tree} value={['hr.person.view', 'hr.person.update']} />);
    expect(item('机构人力资源 / 基本信息').getAttribute('aria-checked')).toBe('mixed');
    expect(item('机构人力资源 / 基本信息 / 修改').getAttribute('aria-checked')).toBe('true');
    expect(item('机构人力资源 / 基本信息 / 新增').getAttribute('aria-checked')).toBe('false');
  });

  it('given a parent is checked, then all its children are reported with it', () => {
    const onChange = vi.fn();
    render(<PermissionTree nodes={tree} value={[]} onChange={onChange} />);
    fireEvent.click(item('机构人力资源 / 基本信息').querySelector('[role="checkbox"]')!);
    expect(onChange).toHaveBeenCalledWith(['hr', 'hr.person', 'hr.person.view', 'hr.person.create', 'hr.person.update']);
  });

  it('given one leaf is checked, then only that leaf is reported (never its half-checked parents)', () => {
    const onChange = vi.fn();
    render(<PermissionTree nodes={tree} value={['hr.person.view']} onChange={onChange} />);
    fireEvent.click(item('机构人力资源 / 基本信息 / 修改').querySelector('[role="checkbox"]')!);
    expect(onChange).toHaveBeenCalledWith(['hr.person.view', 'hr.person.update']);
  });
});
