import { describe, expect, it } from 'vitest';
import type { RecordItem } from '../api';
import { personSchema } from '../testing/fixtures';
import { buildColumns, referencedIds, searchFieldTitles } from './columns';

const rows: RecordItem[] = [
  { id: 'p1', version: 1, data: { name: '张三', documentType: '01', idNumber: '11010519491231002X', sex: '2', departmentId: 'd1' } },
  { id: 'p2', version: 1, data: { name: '李四', documentType: '03', idNumber: 'E12345678', departmentId: 'd2' } },
];
const refLabels = new Map([['department', new Map([['d1', '内科']])]]);

function cells(row: RecordItem): string[] {
  return buildColumns(personSchema, { refLabels }).map((column) => {
    const path = (column as { dataIndex: string[] }).dataIndex;
    return column.render!(row.data[path[1]!], row, 0) as string;
  });
}

describe('buildColumns', () => {
  it('given a schema, then the x-list fields become columns in schema order with their Chinese titles', () => {
    const columns = buildColumns(personSchema, { refLabels });
    expect(columns.map((c) => c.title)).toEqual(['姓名', '证件类型', '证件号码', '性别', '所在部门']);
    expect(columns.map((c) => c.key)).toEqual(['name', 'documentType', 'idNumber', 'sex', 'departmentId']);
  });

  it('given dictionary codes and references, then cells show labels and the referenced record names', () => {
    expect(cells(rows[0]!)).toEqual(['张三', '居民身份证', '11010519491231002X', '女', '内科']);
  });

  it('given an empty value and a reference not yet named, then the cell is empty or a placeholder', () => {
    expect(cells(rows[1]!)).toEqual(['李四', '护照', 'E12345678', '', '…']);
  });

  it('given an unknown dictionary code, then the code itself is shown', () => {
    expect(cells({ id: 'p3', version: 1, data: { sex: '7' } })[3]).toBe('7');
  });
});

describe('referencedIds and searchFieldTitles', () => {
  it('given rows, then the ids each referenced entity must name are collected once', () => {
    expect(referencedIds(personSchema, [...rows, rows[0]!])).toEqual(new Map([['department', ['d1', 'd2']]]));
  });

  it('given x-search fields, then their titles are listed for the search box', () => {
    expect(searchFieldTitles(personSchema)).toEqual(['姓名', '证件号码']);
  });
});
