import {
  AppstoreOutlined, AuditOutlined, BankOutlined, FileTextOutlined, IdcardOutlined, SafetyCertificateOutlined,
  SettingOutlined, SolutionOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

/** Icon names a menu definition may use (`"icon": "bank"`), mapped to antd icons; unknown names get a default. */
const menuIcons: Record<string, ComponentType> = {
  bank: BankOutlined,
  team: TeamOutlined,
  setting: SettingOutlined,
  user: UserOutlined,
  idcard: IdcardOutlined,
  audit: AuditOutlined,
  file: FileTextOutlined,
  certificate: SafetyCertificateOutlined,
  solution: SolutionOutlined,
};

export function MenuIcon({ name }: { name: string }) {
  const Icon = menuIcons[name] ?? AppstoreOutlined;
  return <Icon />;
}
