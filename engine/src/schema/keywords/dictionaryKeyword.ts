import type { FuncKeywordDefinition, AnySchemaObject as SchemaObject } from 'ajv/dist/2020.js';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
import { isSelectable, type DictionaryLookup } from '../dictionaries.js';

/** `x-dictionary: "<key>"` — the value must be a selectable code of that dictionary (checked at validation time, so a newly published dictionary version applies at once). */
export function dictionaryKeyword(lookup: DictionaryLookup): FuncKeywordDefinition {
  return {
    keyword: 'x-dictionary',
    schemaType: 'string',
    errors: true,
    compile(dictionaryKey: string, parentSchema: SchemaObject) {
      const title = String(parentSchema.title ?? '');
      const validate: DataValidateFunction = (data) => {
        if (typeof data !== 'string') return true; // the type keyword reports it
        const item = lookup.dictionary(dictionaryKey)?.byCode.get(data);
        if (item && isSelectable(item)) return true;
        const message = item?.enabled === false
          ? `「${title}」的选项“${item.label}”已停用，请重新选择。`
          : `「${title}」不是有效的选项，请从下拉列表中选择。`;
        validate.errors = [{ keyword: 'x-dictionary', message, params: { dictionary: dictionaryKey } }];
        return false;
      };
      return validate;
    },
  };
}
