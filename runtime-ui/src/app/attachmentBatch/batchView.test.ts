import { describe, expect, it } from 'vitest';
import type { AttachmentBatchItem, EntityDefinition } from '../../api';
import {
  attachmentBatchPath, batchDeclaration, chunks, groupByDepartment, groupLabel, mergeUploads, summarizeUpload,
} from './batchView';

const item = (name: string, departmentId: string | null, departmentName: string | null, uploaded = false): AttachmentBatchItem => ({
  personId: `p-${name}`, name, idNumberMasked: 'H1*****01', departmentId, departmentName,
  status: uploaded ? 'uploaded' : 'missing', fileId: uploaded ? `f-${name}` : null, recordIds: [`r-${name}`],
});

describe('grouping the persons by department', () => {
  it('keeps the server\'s order, counts who has not uploaded, and gathers persons without a department', () => {
    const groups = groupByDepartment([item('陈港生', 'd1', '内科'), item('林台生', 'd1', '内科', true), item('史密斯', 'd2', '外科', true),
      item('无部门', null, null)]);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.name), g.missing])).toEqual([
      ['内科', ['陈港生', '林台生'], 1], ['外科', ['史密斯'], 0], ['未分配部门', ['无部门'], 1]]);
    expect(groups.map(groupLabel)).toEqual(['内科（2 人，1 人未上传）', '外科（1 人，均已上传）', '未分配部门（1 人，1 人未上传）']);
  });

  it('has no group for an empty list', () => {
    expect(groupByDepartment([])).toEqual([]);
  });
});

describe('the result panel of an upload', () => {
  const matched = [{ fileName: 'H10000001.jpg', personId: 'p1', name: '陈港生' }];
  const unmatched = [{ fileName: '补充材料.jpg', reason: '文件名中没有找到需要补充材料的人员的证件号码' }];

  it('says how many files were matched and asks to fix the others', () => {
    expect(summarizeUpload({ matched, unmatched: [] })).toEqual({ type: 'success', title: '已导入 1 个文件，均已对应到人员。' });
    expect(summarizeUpload({ matched, unmatched })).toEqual({ type: 'warning',
      title: '已导入 1 个文件；1 个文件未能导入，请按下列原因修改后重新上传。' });
    expect(summarizeUpload({ matched: [], unmatched })).toEqual({ type: 'error', title: '1 个文件未能导入，请按下列原因修改后重新上传。' });
  });

  it('merges the answers of several requests, in order', () => {
    expect(mergeUploads([{ matched, unmatched: [] }, { matched: [], unmatched }])).toEqual({ matched, unmatched });
  });

  it('sends at most 200 files per request', () => {
    const files = Array.from({ length: 401 }, (_v, i) => i);
    expect(chunks(files).map((c) => c.length)).toEqual([200, 200, 1]);
    expect(chunks([])).toEqual([]);
  });
});

describe('the declaration as the page uses it', () => {
  const definition = {
    key: 'probation', version: 1, title: '试用期', owner: 'institution',
    schema: { type: 'object', properties: {
      supplementaryMaterial: { type: 'string', title: '补充材料', 'x-attachment': { accept: ['jpg'] } } } },
    uiSchema: {},
  } as EntityDefinition;

  it('names the field, the formats and the title (批量导入附件信息 by default)', () => {
    expect(batchDeclaration(definition)).toBeUndefined();
    expect(batchDeclaration({ ...definition, attachmentBatch: { field: 'supplementaryMaterial', rule: 'r' } })).toEqual({
      field: 'supplementaryMaterial', title: '批量导入附件信息', fieldTitle: '补充材料', formats: 'JPG' });
    expect(attachmentBatchPath('probation')).toBe('/data/probation/attachment-batch');
  });
});
