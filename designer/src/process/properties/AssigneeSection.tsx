import { assigneeLevels, assigneeRoles } from '@zjrj/engine/workflow';
import { Form, Input, Radio, Select } from 'antd';
import type { SectionProps } from './types';
import { writeZj } from './writeElement';
import { readZj, type ZjAttrs } from './zjExtension';

const roleLabels: Record<keyof typeof assigneeRoles, string> = {
  main: '机构主账号',
  reviewer: '拥有指定权限的审核人',
  initiator: '发起人本人',
};
const roleOptions = Object.entries(assigneeRoles).map(([value, help]) => ({ value, label: roleLabels[value as keyof typeof assigneeRoles], title: help }));
const levelOptions = Object.entries(assigneeLevels).map(([value, label]) => ({ value, label }));
const DATA_PREFIX = 'data:';

type Where = 'level' | 'org';

/** The assignment after a change of one choice: attributes that no longer apply are dropped. */
export function nextAssignee(current: ZjAttrs, change: ZjAttrs): ZjAttrs {
  const next = { ...current, ...change };
  if (next.role === 'initiator') return { role: 'initiator' };
  if (next.role !== 'reviewer') delete next.permission;
  if ('level' in change) delete next.org;
  if ('org' in change) delete next.level;
  return next;
}

/** 处理人 of a user task: `zj:assignee` role, and the organisation by level or by instance data field. */
export function AssigneeSection({ element, services }: SectionProps) {
  const assignee = readZj(element.businessObject, 'assignee');
  const where: Where = assignee.org !== undefined ? 'org' : 'level';
  const set = (change: ZjAttrs) => services && writeZj(services, element, 'assignee', nextAssignee(assignee, change));
  const disabled = !services;
  return (
    <>
      <Form.Item label="处理人" help={assignee.role ? assigneeRoles[assignee.role as keyof typeof assigneeRoles] : '请选择谁处理此任务'}>
        <Select aria-label="处理人" value={assignee.role} options={roleOptions} disabled={disabled} onChange={(role) => set({ role })} />
      </Form.Item>
      {assignee.role !== undefined && assignee.role !== 'initiator' && (
        <>
          <Form.Item label="处理机构">
            <Radio.Group value={where} disabled={disabled}
              onChange={(e) => set((e.target.value as Where) === 'org' ? { org: DATA_PREFIX } : { level: 'parent' })}
              options={[{ value: 'level', label: '按发起人所在机构的层级' }, { value: 'org', label: '流程数据中指定的机构' }]} />
          </Form.Item>
          {where === 'level' ? (
            <Form.Item label="层级">
              <Select aria-label="层级" value={assignee.level} options={levelOptions} disabled={disabled} onChange={(level) => set({ level })} />
            </Form.Item>
          ) : (
            <Form.Item label="机构字段" help="发起流程时写入机构编号的数据字段，如 releasingOrgId">
              <Input aria-label="机构字段" addonBefore={DATA_PREFIX} disabled={disabled}
                value={(assignee.org ?? '').replace(/^data:/, '')} onChange={(e) => set({ org: `${DATA_PREFIX}${e.target.value.trim()}` })} />
            </Form.Item>
          )}
        </>
      )}
      {assignee.role === 'reviewer' && (
        <Form.Item label="所需权限" help="审核人应拥有的权限编码（主账号拥有本级全部权限）">
          <Input aria-label="所需权限" value={assignee.permission ?? ''} disabled={disabled} onChange={(e) => set({ permission: e.target.value })} />
        </Form.Item>
      )}
    </>
  );
}
