import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import type { MenuItem } from '../../api';
import { menuItemAt, menuTarget, openTarget } from '../navigation';
import { navigate } from '../router';
import { MenuIcon } from './menuIcons';
import { findMenuItem } from './menuTree';

type AntdItem = Required<MenuProps>['items'][number];

function toAntdItems(items: readonly MenuItem[], top = true): AntdItem[] {
  return items.map((item) => ({
    key: item.key,
    label: item.title,
    icon: top ? <MenuIcon name={item.icon ?? ''} /> : undefined,
    children: item.children.length > 0 ? toAntdItems(item.children, false) : undefined,
  }));
}

/** The left navigation from `GET /api/menu` (already cut down to what this user may use). */
export function SideMenu({ items, path }: { items: readonly MenuItem[]; path: string }) {
  const antdItems = useMemo(() => toAntdItems(items), [items]);
  const selected = menuItemAt(items, path);
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const found = findMenuItem(items, (i) => i.key === key);
    const target = found && menuTarget(found.item);
    if (target) openTarget(target, navigate);
  };
  return (
    <Menu
      mode="inline"
      items={antdItems}
      selectedKeys={selected ? [selected.item.key] : []}
      defaultOpenKeys={[...new Set([...items.map((i) => i.key), ...(selected?.ancestors ?? [])])]}
      onClick={onClick}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
