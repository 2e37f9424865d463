import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { buildColumns, type EntityDefinition, type RecordItem } from '../../lib';
import type { GroupEntryLayout } from '../../rules';

const NO_REFS = { refLabels: new Map() };

/** The group's stored records (read-only): they count in the rules, so the clerk sees them while entering. */
export function StoredSegments({ definition, layout, stored, title }: {
  definition: EntityDefinition; layout: GroupEntryLayout; stored: readonly RecordItem[]; title: string;
}) {
  const columns = useMemo(() => buildColumns(definition.schema, NO_REFS)
    .filter((column) => !layout.shared.includes(String(column.key))), [definition.schema, layout]);
  if (stored.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="stored-segments">
      <Typography.Text strong>{title}</Typography.Text>
      <Table<RecordItem> size="small" rowKey="id" columns={columns} dataSource={[...stored]} pagination={false}
        style={{ marginTop: 8 }} scroll={{ x: 'max-content' }} />
    </div>
  );
}
