import type { EntityVersion } from '../definitions/index.js';
import type { CellValue, ImportColumn, ImportLayout, SheetRow } from '../excel/index.js';
import type { RecordRow } from '../records/index.js';
import { personKey, type ImportLookups } from './lookups.js';

type Data = Record<string, unknown>;

/** A problem of a row: the column it is about (key), if any, and what to do. */
export interface RowProblem { column?: string; message: string }

/** A sheet row turned into record data, with what is wrong with it so far. */
export interface ConvertedRow {
  rowNumber: number;
  raw: SheetRow['raw'];
  data: Data;
  problems: RowProblem[];
}

const text = (value: CellValue | undefined): string | undefined =>
  (value === undefined || value === null || value === '' ? undefined : String(value).trim());

/** Per dictionary column: every code, label and alias → the code (codes first, then labels, then aliases). Built once per column. */
const codeMaps = new WeakMap<ImportColumn, Map<string, string>>();

/** The code a cell names: a code, a label or an alias of a selectable item. */
function dictionaryCode(column: ImportColumn, value: string): string | undefined {
  let codes = codeMaps.get(column);
  if (!codes) {
    const items = column.dictionary?.items ?? [];
    const names: Array<[string, string]> = [...items.map((i): [string, string] => [i.code, i.code]),
      ...items.map((i): [string, string] => [i.label, i.code]),
      ...items.flatMap((i) => (i.aliases ?? []).map((alias): [string, string] => [alias, i.code]))];
    codes = new Map();
    for (const [name, code] of names) if (!codes.has(name)) codes.set(name, code);
    codeMaps.set(column, codes);
  }
  return codes.get(value);
}

function notAnOption(column: ImportColumn, value: string): string {
  const labels = (column.dictionary?.items ?? []).map((i) => i.label);
  const shown = labels.length > 12 ? `${labels.slice(0, 12).join('、')} 等` : labels.join('、');
  return `「${value}」不是可选的值，请从下拉列表中选择（可选：${shown}）。`;
}

/** One cell by its column's kind: the stored value, or a problem. A registry, not a switch. */
type CellReader = (column: ImportColumn, value: string, raw: CellValue, lookups: ImportLookups) => { value?: unknown; problem?: string };

const readers: Record<ImportColumn['kind'], CellReader> = {
  text: (_c, value) => ({ value }),
  date: (_c, value) => ({ value }),
  integer: (_c, value, raw) => {
    const n = typeof raw === 'number' ? raw : Number(value);
    return Number.isInteger(n) ? { value: n } : { problem: `「${value}」不是整数，请填写数字（如 2024）。` };
  },
  number: (_c, value, raw) => {
    const n = typeof raw === 'number' ? raw : Number(value);
    return Number.isFinite(n) ? { value: n } : { problem: `「${value}」不是数字，请填写数字。` };
  },
  dictionary: (column, value) => {
    const code = dictionaryCode(column, value);
    return code === undefined ? { problem: notAnOption(column, value) } : { value: code };
  },
  ref: (column, value, _raw, lookups) => {
    const target = lookups.byTitle.get(column.refEntity ?? '')?.get(value);
    return target ? { value: target.id } : { problem: `本机构没有名为「${value}」的${column.title.replace(/^所在/, '')}，请核对名称（须与系统中完全一致），或先在系统中添加。` };
  },
};

/** The person a person-linked row names (机构名称 aside): by 证件类型 + 证件号码, then 姓名 and 所在部门 must agree. */
function resolvePerson(layout: ImportLayout, cells: Map<string, CellValue>, lookups: ImportLookups,
  problems: RowProblem[]): RecordRow | undefined {
  const name = text(cells.get('@personName'));
  const typeText = text(cells.get('@personDocumentType'));
  const idNumber = text(cells.get('@personIdNumber'))?.toUpperCase();
  const department = text(cells.get('@personDepartment'));
  if (!name || !typeText || !idNumber || problems.some((p) => p.column === '@personIdNumber')) return undefined;
  const typeColumn = layout.columns.find((c) => c.key === '@personDocumentType')!;
  const documentType = dictionaryCode(typeColumn, typeText);
  if (documentType === undefined) {
    problems.push({ column: '@personDocumentType', message: notAnOption(typeColumn, typeText) });
    return undefined;
  }
  const person = lookups.persons.get(personKey(documentType, idNumber));
  if (!person) {
    problems.push({ column: '@personIdNumber', message: '本机构没有该证件类型和证件号码的人员。请核对证件号码（注意最后一位 X），或先在「基本信息」中登记该人员。' });
    return undefined;
  }
  if (person.data.name !== name) {
    problems.push({ column: '@personName', message: `姓名与基本信息中该证件号码的人员「${String(person.data.name)}」不一致，请核对。` });
  }
  if (department) {
    const named = lookups.byTitle.get('department')?.get(department);
    if (!named) problems.push({ column: '@personDepartment', message: `本机构没有名为「${department}」的部门，请核对名称（须与部门管理中完全一致）。` });
    else if (named.id !== person.data.departmentId) {
      const actual = [...(lookups.byTitle.get('department')?.values() ?? [])].find((d) => d.id === person.data.departmentId);
      problems.push({ column: '@personDepartment', message: `所在部门与该人员在基本信息中的部门「${String(actual?.data.name ?? '未填写')}」不一致，请核对。` });
    }
  }
  return person;
}

/** A sheet row as record data: names resolved within the institution, labels turned into codes. */
export function convertRow(entity: EntityVersion, layout: ImportLayout, row: SheetRow, lookups: ImportLookups): ConvertedRow {
  const problems: RowProblem[] = row.problems.map((p) => ({ column: p.column, message: p.message }));
  const data: Data = {};
  for (const column of layout.columns) {
    if (!column.field && column.required && text(row.cells.get(column.key)) === undefined
      && !problems.some((p) => p.column === column.key)) problems.push({ column: column.key, message: `请填写「${column.title}」。` });
  }
  const institution = text(row.cells.get('@institution'));
  if (institution !== undefined && institution !== lookups.orgName) {
    problems.push({ column: '@institution', message: `机构名称应与登录机构「${lookups.orgName}」完全一致。` });
  }
  for (const column of layout.columns) {
    if (!column.field || problems.some((p) => p.column === column.key)) continue;
    const raw = row.cells.get(column.key);
    const value = text(raw);
    if (value === undefined) continue;
    const read = readers[column.kind](column, value, raw ?? null, lookups);
    if (read.problem) problems.push({ column: column.key, message: read.problem });
    else data[column.field] = read.value;
  }
  const owner = entity.definition.content.import?.owner;
  if (owner) {
    const person = resolvePerson(layout, row.cells, lookups, problems);
    if (person) data[owner] = person.id;
  }
  return { rowNumber: row.rowNumber, raw: row.raw, data, problems };
}
