import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { RecordItem } from '../../lib';
import { useAppServices } from '../AppServices';
import type { EntityViewProps } from '../entityViews/viewRegistry';
import { RecordList } from '../records';
import { CompletenessLoader } from './completeness';
import { CompletenessTag } from './CompletenessTag';
import { FilterBar } from './FilterBar';
import { PersonDetailDrawer } from './PersonDetailDrawer';
import { singleEditAction, singleEditFields, withSingleEditReadOnly, type SingleEditField } from './singleEdit';
import { SingleEditModal } from './SingleEditModal';

type Open = { kind: 'detail'; record: RecordItem }
  | { kind: 'singleEdit'; record: RecordItem; field: SingleEditField; done(text: string): void };

/**
 * `"ui:view": "staff"` (基本信息, R-6): the person list searched by name or ID number, filtered by
 * department and 在职状态, with each person's 资料完整度; 详情 opens the person with one tab per
 * detail entity; `x-singleEdit` fields (在职状态) change one person at a time through their own
 * action, never in bulk and not in the general edit form.
 */
export function StaffPage({ definition, actions }: EntityViewProps) {
  const { api } = useAppServices();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<Open>();
  const [loader, setLoader] = useState(() => new CompletenessLoader(api, definition.key));
  const singleEdits = useMemo(() => singleEditFields(definition.schema), [definition.schema]);
  const editDefinition = useMemo(() => withSingleEditReadOnly(definition), [definition]);

  const columns: ColumnsType<RecordItem> = [{
    key: '__completeness', title: '资料完整度', width: 150,
    render: (_: unknown, record: RecordItem) => <CompletenessTag loader={loader} id={record.id} />,
  }];
  const rowActions = (record: RecordItem, done: (text: string) => void) => (
    <>
      <Button type="link" size="small" onClick={() => setOpen({ kind: 'detail', record })}>详情</Button>
      {actions.includes('update') && singleEdits.map((field) => (
        <Button key={field.name} type="link" size="small" onClick={() => setOpen({ kind: 'singleEdit', record, field, done })}>
          {singleEditAction(field)}
        </Button>
      ))}
    </>
  );

  return (
    <>
      <RecordList definition={definition} actions={actions} extras={{
        filters,
        toolbar: <FilterBar definition={definition} value={filters} onChange={setFilters} />,
        columns,
        rowActions,
        // Answers about changed people are stale: a new loader asks again.
        onChanged: () => setLoader(new CompletenessLoader(api, definition.key)),
        formDefinition: (target) => (target.mode === 'create' ? definition : editDefinition),
      }} />
      {open?.kind === 'detail' && <PersonDetailDrawer definition={definition} record={open.record} loader={loader}
        onClose={() => setOpen(undefined)} onChanged={() => setLoader(new CompletenessLoader(api, definition.key))} />}
      {open?.kind === 'singleEdit' && <SingleEditModal definition={definition} record={open.record} field={open.field}
        onClose={() => setOpen(undefined)} onSaved={(text) => { open.done(text); setOpen(undefined); }} />}
    </>
  );
}
