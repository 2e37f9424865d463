import { Table } from 'antd';
import { useMemo, useState } from 'react';
import { useRefLabels, useRendererServices, type EntityDefinition, type MenuAction, type RecordItem } from '../../lib';
import type { EntityRules, GroupEntryLayout } from '../../rules';
import { groupColumns, segmentColumns, type GroupHandlers, type GroupRow } from './groupColumns';
import { judgeGroup, type RecordGroup } from './groups';
import { listedRefs, summarize } from './recordSummary';
import { useLookups } from './useLookups';

export interface GroupTableProps {
  definition: EntityDefinition;
  /** The entity the groups belong to (the person), for names and departments. */
  owner?: EntityDefinition;
  rules: EntityRules;
  layout: GroupEntryLayout;
  groups: readonly RecordGroup[];
  loading: boolean;
  actions: readonly MenuAction[];
  handlers: GroupHandlers;
}

const PAGE_SIZE = 20;

/** The groups of one page: who, the segments, the total and the rules' verdict; each expands to its segments. */
export function GroupTable({ definition, owner, rules, layout, groups, loading, actions, handlers }: GroupTableProps) {
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const visible = useMemo(() => groups.slice((page.current - 1) * page.size, page.current * page.size), [groups, page]);
  const ownerField = layout.shared.find((f) => definition.schema.properties?.[f]?.['x-ref']);
  const shared = useMemo(() => visible.map((g) => g.shared), [visible]);
  const { resolve: lookup, pending } = useLookups(definition, useMemo(() => [...new Set([...rules.lookupFields, ...(ownerField ? [ownerField] : [])])],
    [rules, ownerField]), shared);
  const { refs } = useRendererServices();
  const ownerData = (group: RecordGroup) => (ownerField ? lookup(ownerField, group.shared[ownerField]) : null);
  const wanted = new Map(owner ? listedRefs(owner).map(({ field, entity }) => [entity,
    [...new Set(visible.map((g) => ownerData(g)?.[field]).filter((v): v is string => typeof v === 'string'))].sort()]) : []);
  const labels = useRefLabels(refs, wanted);
  const rows: GroupRow[] = visible.map((group) => {
    const data = ownerData(group);
    const id = ownerField ? String(group.shared[ownerField] ?? '') : '';
    return { ...group, owner: owner && data ? summarize(owner, { id, version: 0, data }, labels) : undefined,
      problems: judgeGroup(rules, group, lookup), checking: pending };
  });

  return (
    <Table<GroupRow> data-testid="group-table" rowKey="key" dataSource={rows} loading={loading} scroll={{ x: 'max-content' }}
      columns={groupColumns(definition, owner, actions, handlers)}
      locale={{ emptyText: `暂无${definition.title}信息` }}
      expandable={{ expandedRowRender: (row) => (
        <Table<RecordItem> size="small" rowKey="id" dataSource={row.records} pagination={false}
          columns={segmentColumns(definition, layout, actions, handlers)} data-testid="segment-table" />
      ) }}
      pagination={{ current: page.current, pageSize: page.size, total: groups.length, showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100], showTotal: (total) => `共 ${total} 人次`,
        onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }) }} />
  );
}
