import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../api';
import { geolocationFields } from '../location/geolocationFields';
import { mappedData, mappingForm, unmappedFilter } from '../mapping/mappingForm';
import { treeShapeOf } from '../recordTree/treeShape';
import { firstEntryData, forFirstEntry } from '../singleton/singletonForm';
import { chooseView, entityViews } from './viewRegistry';

const department: EntityDefinition = {
  key: 'department', version: 1, title: '部门', owner: 'institution', titleField: 'name',
  schema: { type: 'object', properties: {
    name: { type: 'string', title: '部门名称', 'x-list': true },
    parentId: { type: 'string', title: '上级部门', 'x-ref': { entity: 'department', tree: true } },
    order: { type: 'integer', title: '排序号' },
  } },
  uiSchema: { 'ui:view': 'tree', 'ui:viewOptions': { orderField: 'order' } },
};
const post: EntityDefinition = {
  key: 'post', version: 1, title: '机构岗位', owner: 'institution', titleField: 'name',
  schema: { type: 'object', properties: { name: { type: 'string', title: '岗位名称' },
    standardPost: { type: 'string', title: '对应标准岗位', oneOf: [{ const: 'P01', title: '一级' }] } } },
  uiSchema: { 'ui:view': 'mapping', 'ui:viewOptions': { mappingField: 'standardPost' }, standardPost: { 'ui:help': '映射管理' } },
};

describe('entity views chosen by ui:view', () => {
  it('given ui:view of a registered page and a user of the owning level, then that page', () => {
    expect(chooseView(department, 'institution')).toBe(entityViews.tree);
    expect(chooseView(post, 'institution')).toBe(entityViews.mapping);
    expect(chooseView({ ...post, uiSchema: { 'ui:view': 'singleton' } }, 'institution')).toBe(entityViews.singleton);
  });

  it('given a bureau reading institution records, no ui:view, an unknown one, or a definition lacking what the page needs, then the flat list', () => {
    expect(chooseView(department, 'district')).toBeUndefined();
    expect(chooseView({ ...department, uiSchema: {} }, 'institution')).toBeUndefined();
    expect(chooseView({ ...department, uiSchema: { 'ui:view': 'gantt' } }, 'institution')).toBeUndefined();
    const flat = { ...department, schema: { type: 'object', properties: { name: { type: 'string' } } } };
    expect(chooseView(flat, 'institution')).toBeUndefined();
    expect(chooseView({ ...post, uiSchema: { 'ui:view': 'mapping', 'ui:viewOptions': { mappingField: 'nope' } } }, 'institution')).toBeUndefined();
  });
});

describe('what the views read from the definition', () => {
  it('tree: the parent is the self-reference marked tree, siblings by ui:viewOptions.orderField', () => {
    expect(treeShapeOf(department)).toEqual({ parentField: 'parentId', orderField: 'order', titleField: 'name' });
    expect(treeShapeOf({ ...department, uiSchema: { 'ui:view': 'tree' } })?.orderField).toBeUndefined();
  });

  it('mapping: a one-field required form with the field\'s uiSchema; the update keeps the other fields', () => {
    expect(mappingForm(post, 'standardPost')).toEqual({
      schema: { type: 'object', required: ['standardPost'], properties: { standardPost: post.schema.properties!.standardPost } },
      uiSchema: { standardPost: { 'ui:help': '映射管理' } },
    });
    expect(mappedData({ id: 'p1', version: 3, data: { name: '内科医师', code: 'N1' } }, 'standardPost', 'P01'))
      .toEqual({ name: '内科医师', code: 'N1', standardPost: 'P01' });
    expect(unmappedFilter('standardPost')).toEqual({ standardPost: '' });
  });

  it('singleton: the first entry may fill the read-only fields and starts with the organisation\'s name', () => {
    const institution: EntityDefinition = { ...post, key: 'institution', schema: { type: 'object', properties: {
      name: { type: 'string', readOnly: true }, phone: { type: 'string' } } } };
    expect(forFirstEntry(institution).schema.properties).toEqual({ name: { type: 'string', readOnly: false }, phone: { type: 'string' } });
    expect(institution.schema.properties!.name!.readOnly).toBe(true);
    expect(firstEntryData(institution, '江岸区人民医院')).toEqual({ name: '江岸区人民医院' });
  });

  it('geolocation: the coordinate fields named by ui:geolocation, only when both exist', () => {
    const withCoordinates = { ...post, schema: { type: 'object', properties: { lng: { type: 'number' }, lat: { type: 'number' } } } };
    expect(geolocationFields({ ...withCoordinates, uiSchema: { 'ui:geolocation': { longitude: 'lng', latitude: 'lat' } } }))
      .toEqual({ longitude: 'lng', latitude: 'lat' });
    expect(geolocationFields({ ...withCoordinates, uiSchema: { 'ui:geolocation': { longitude: 'lng', latitude: 'x' } } })).toBeUndefined();
    expect(geolocationFields(withCoordinates)).toBeUndefined();
  });
});
