import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { SectionProps } from './types';
import { writeProperties } from './writeElement';

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Why an id cannot be used, or undefined. */
export function idProblem(id: string, current: string, exists: (id: string) => boolean): string | undefined {
  if (!ID_PATTERN.test(id)) return '编号只能由英文字母、数字、下划线、点和连字符组成，且以字母或下划线开头';
  if (id !== current && exists(id)) return `编号「${id}」已被流程中的其他元素使用`;
  return undefined;
}

/** 编号 and 名称 of any element (the name is what users see in their task lists and history). */
export function GeneralSection({ element, services, registry }: SectionProps) {
  const bo = element.businessObject;
  const [id, setId] = useState(element.id);
  useEffect(() => setId(element.id), [element.id]);
  const problem = idProblem(id, element.id, (candidate) => registry.get(candidate) !== undefined);
  const commitId = () => { if (services && !problem && id !== element.id) writeProperties(services, element, { id }); };
  return (
    <>
      <Form.Item label="编号" validateStatus={problem ? 'error' : undefined}
        help={problem ?? '引擎和历史记录用编号识别环节；已有流程停在此环节时请勿修改'}>
        <Input aria-label="编号" value={id} disabled={!services} onChange={(e) => setId(e.target.value)} onBlur={commitId} onPressEnter={commitId} />
      </Form.Item>
      <Form.Item label="名称">
        <Input aria-label="名称" value={bo.name ?? ''} disabled={!services}
          onChange={(e) => services && writeProperties(services, element, { name: e.target.value })} />
      </Form.Item>
    </>
  );
}
