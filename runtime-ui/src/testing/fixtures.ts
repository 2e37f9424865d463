import type { EntityDefinition, SchemaNode } from '../api';

/** `GET /api/entities/person` as the engine serves it (dictionaries cut short). */
export const personSchema: SchemaNode = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: '人员基本信息',
  additionalProperties: false,
  required: ['name', 'documentType', 'idNumber', 'sex', 'birthDate', 'departmentId'],
  'x-idDocument': { type: 'documentType', number: 'idNumber', sex: 'sex', birthDate: 'birthDate', nationality: 'nationality' },
  properties: {
    name: { type: 'string', title: '姓名', maxLength: 50, 'x-search': true, 'x-list': true },
    documentType: {
      type: 'string', title: '证件类型', 'x-dictionary': 'documentType', default: '01', 'x-list': true,
      oneOf: [{ const: '01', title: '居民身份证', 'x-attrs': { validator: 'residentId' } },
        { const: '03', title: '护照', 'x-attrs': { validator: 'passport' } }],
    },
    idNumber: { type: 'string', title: '证件号码', maxLength: 50, 'x-normalize': ['idNumber'], 'x-search': true, 'x-list': true },
    sex: {
      type: 'string', title: '性别', 'x-dictionary': 'gender', 'x-list': true,
      oneOf: [{ const: '1', title: '男' }, { const: '2', title: '女' }],
    },
    birthDate: { type: 'string', title: '出生日期', format: 'date' },
    mobile: { type: 'string', title: '手机号码', maxLength: 11, format: 'mobile' },
    departmentId: { type: 'string', title: '所在部门', 'x-ref': { entity: 'department' }, 'x-list': true },
    remarks: { type: 'string', title: '备注', pattern: '^\\d{3}$', 'x-patternMessage': '「备注」应为 3 位数字。' },
  },
};

export const personDefinition: EntityDefinition = {
  key: 'person',
  version: 1,
  title: '人员基本信息',
  owner: 'institution',
  titleField: 'name',
  schema: personSchema,
  uiSchema: { idNumber: { 'ui:help': '居民身份证录入后，性别和出生日期会自动填写' } },
};

/** A valid 居民身份证 number (GB 11643 check character X): born 1949-12-31, female. */
export const VALID_ID_NUMBER = '11010519491231002X';
