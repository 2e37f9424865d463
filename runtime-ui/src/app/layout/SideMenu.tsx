import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import type { MenuItem } from '../../api';
import { entityPath, navigate } from '../router';
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

function open(item: MenuItem): void {
  if (item.entity) navigate(entityPath(item.entity));
  else if (item.route) window.location.assign(item.route);
}

/** The left navigation from `GET /api/menu` (already cut down to what this user may use). */
export function SideMenu({ items, entity }: { items: readonly MenuItem[]; entity?: string }) {
  const antdItems = useMemo(() => toAntdItems(items), [items]);
  const selected = entity ? findMenuItem(items, (i) => i.entity === entity) : undefined;
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const found = findMenuItem(items, (i) => i.key === key);
    if (found) open(found.item);
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
