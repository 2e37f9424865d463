import type { ChangeRequest, EntityDefinition } from '../../api';

/** Test support (not part of the app): an institution definition, its record and change requests as the engine serves them. */
export const definition: EntityDefinition = {
  key: 'institution', version: 1, title: '机构信息', owner: 'institution', titleField: 'name',
  schema: {
    type: 'object', required: ['name', 'creditCode', 'phone'],
    properties: {
      name: { type: 'string', title: '机构名称', maxLength: 100, readOnly: true },
      creditCode: { type: 'string', title: '统一社会信用代码', maxLength: 18, readOnly: true },
      legalRepresentative: { type: 'string', title: '法定代表人', maxLength: 50, readOnly: true },
      phone: { type: 'string', title: '联系电话' },
    },
  },
  uiSchema: { 'ui:order': ['name', 'creditCode', 'legalRepresentative', 'phone'], name: { 'ui:help': '主体信息，如需修改请提交申请' } },
};

export const record = { id: 'r1', version: 3,
  data: { name: '江岸区人民医院', creditCode: '12420102MB00000016', legalRepresentative: '王五', phone: '027-85726000' } };

export const changeRequest = (fields: Partial<ChangeRequest> = {}): ChangeRequest => ({
  id: 'cr1', orgId: 'o1', entity: 'institution', recordId: 'r1', baseVersion: 3, reason: '法定代表人变更', status: 'pending',
  message: null, instanceId: 'i1', requestedBy: 'a1', createdAt: '2026-11-25T02:30:00.000Z', decidedAt: null,
  diff: { legalRepresentative: { from: '王五', to: '赵六' } },
  fields: [{ field: 'legalRepresentative', title: '法定代表人', from: '王五', to: '赵六', fromText: '王五', toText: '赵六' }],
  sentBack: false, reviewComment: null, withdrawable: true, ...fields,
});
