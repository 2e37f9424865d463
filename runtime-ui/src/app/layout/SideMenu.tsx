import { Badge, Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import type { MenuItem } from '../../api';
import { menuItemAt, menuTarget, openTarget } from '../navigation';
import { navigate } from '../router';
import { MenuIcon } from './menuIcons';
import { findMenuItem } from './menuTree';

type AntdItem = Required<MenuProps>['items'][number];

type Badges = Readonly<Record<string, number>>;

function labelOf(item: MenuItem, count: number | undefined) {
  if (!count) return item.title;
  return <span>{item.title} <Badge count={count} size="small" title={`${item.title}：${count} 项`} /></span>;
}

function toAntdItems(items: readonly MenuItem[], badges: Badges, top = true): AntdItem[] {
  return items.map((item) => ({
    key: item.key,
    label: labelOf(item, badges[item.key]),
    icon: top ? <MenuIcon name={item.icon ?? ''} /> : undefined,
    children: item.children.length > 0 ? toAntdItems(item.children, badges, false) : undefined,
  }));
}

const NO_BADGES: Badges = {};

/** The left navigation from `GET /api/menu` (already cut down to what this user may use), with counts by key. */
export function SideMenu({ items, path, badges = NO_BADGES }: { items: readonly MenuItem[]; path: string; badges?: Badges }) {
  const antdItems = useMemo(() => toAntdItems(items, badges), [items, badges]);
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
      data-testid="side-menu"
    />
  );
}
