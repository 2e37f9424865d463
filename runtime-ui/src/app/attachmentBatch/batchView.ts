import type { AttachmentBatchItem, AttachmentBatchStatus, AttachmentBatchUpload, EntityDefinition } from '../../api';

export const DEFAULT_TITLE = '批量导入附件信息';
/** The engine takes at most this many files per request; more are sent in several requests. */
export const MAX_FILES_PER_REQUEST = 200;
export const NO_DEPARTMENT = '未分配部门';

export type StatusFilter = AttachmentBatchStatus | 'all';
export const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'missing', label: '未上传' }, { value: 'uploaded', label: '已上传' }, { value: 'all', label: '全部' },
];
export const statusLabel = (status: AttachmentBatchStatus): string => (status === 'uploaded' ? '已上传' : '未上传');

export const attachmentBatchPath = (entity: string): string => `/data/${encodeURIComponent(entity)}/attachment-batch`;

export interface BatchDeclaration {
  field: string;
  title: string;
  /** The attachment field's title (补充材料). */
  fieldTitle: string;
  /** Accepted formats in words (`JPG`). */
  formats: string;
}

/** The entity's `attachmentBatch` declaration, with what the page shows of its field; undefined without one. */
export function batchDeclaration(definition: EntityDefinition): BatchDeclaration | undefined {
  const declared = definition.attachmentBatch;
  if (!declared) return undefined;
  const node = definition.schema.properties?.[declared.field];
  const accept = (node?.['x-attachment'] as { accept?: string[] } | undefined)?.accept ?? ['jpg', 'png', 'pdf'];
  return { field: declared.field, title: declared.title ?? DEFAULT_TITLE, fieldTitle: node?.title ?? declared.field,
    formats: accept.map((a) => a.toUpperCase()).join('、') };
}

export interface DepartmentGroup {
  key: string;
  title: string;
  items: AttachmentBatchItem[];
  missing: number;
}

/** The persons by department, in the order the server lists them (by department, then name). */
export function groupByDepartment(items: readonly AttachmentBatchItem[]): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>();
  for (const item of items) {
    const key = item.departmentId ?? '';
    const group = groups.get(key) ?? { key, title: item.departmentName ?? NO_DEPARTMENT, items: [], missing: 0 };
    group.items.push(item);
    if (item.status === 'missing') group.missing += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `内科（3 人，2 人未上传）`. */
export function groupLabel(group: DepartmentGroup): string {
  const missing = group.missing > 0 ? `，${group.missing} 人未上传` : '，均已上传';
  return `${group.title}（${group.items.length} 人${missing}）`;
}

export function chunks<T>(list: readonly T[], size = MAX_FILES_PER_REQUEST): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < list.length; i += size) result.push(list.slice(i, i + size));
  return result;
}

export function mergeUploads(results: readonly AttachmentBatchUpload[]): AttachmentBatchUpload {
  return { matched: results.flatMap((r) => r.matched), unmatched: results.flatMap((r) => r.unmatched) };
}

export interface UploadSummary {
  type: 'success' | 'warning' | 'error';
  title: string;
}

/** What the result panel says about an upload. */
export function summarizeUpload(result: AttachmentBatchUpload): UploadSummary {
  const matched = result.matched.length;
  const unmatched = result.unmatched.length;
  const fix = `${unmatched} 个文件未能导入，请按下列原因修改后重新上传。`;
  if (unmatched === 0) return { type: 'success', title: `已导入 ${matched} 个文件，均已对应到人员。` };
  if (matched === 0) return { type: 'error', title: fix };
  return { type: 'warning', title: `已导入 ${matched} 个文件；${fix}` };
}
