import { format, Validator } from '@cfworker/json-schema';
import {
  createErrorHandler, getDefaultFormState, toErrorSchema, unwrapErrorHandler, validationDataMerge,
  type CustomValidator, type ErrorTransformer, type RJSFSchema, type UiSchema, type ValidationData, type ValidatorType,
} from '@rjsf/utils';
import type { SchemaNode } from '../../api';
import { customFormats } from './formats';
import { toRjsfErrors } from './rawErrors';

for (const [name, check] of Object.entries(customFormats)) {
  format[name] = typeof check === 'function' ? check : (value: string) => check.test(value);
}

type Schema = RJSFSchema;

/**
 * rjsf's validator on @cfworker/json-schema, an interpreting JSON Schema 2020-12 validator: ajv
 * compiles schemas with `new Function`, which the engine's Content-Security-Policy (rightly)
 * forbids. The engine's `x-` keywords are ignored; `mobile` and `uscc` are checked as the engine does.
 */
export class EntityValidator implements ValidatorType {
  private validators = new WeakMap<object, { all: Validator; first: Validator }>();

  validateFormData(formData: unknown, schema: Schema, customValidate?: CustomValidator,
    transformErrors?: ErrorTransformer, uiSchema?: UiSchema): ValidationData<unknown> {
    const units = this.validatorFor(schema, schema).all.validate(formData ?? {}).errors;
    let errors = toRjsfErrors(units, schema as SchemaNode, formData);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema(errors);
    if (!customValidate) return { errors, errorSchema };
    const withUndefined = getDefaultFormState(this, schema, formData, schema, true);
    const handler = customValidate(withUndefined, createErrorHandler(withUndefined), uiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  }

  isValid(schema: Schema, formData: unknown, rootSchema: Schema): boolean {
    return this.validatorFor(schema, rootSchema).first.validate(formData).valid;
  }

  rawValidation<Result = unknown>(schema: Schema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    const { errors } = this.validatorFor(schema, schema).all.validate(formData);
    return { errors: errors as Result[] };
  }

  reset(): void {
    this.validators = new WeakMap();
  }

  /** One pair per schema object (validators keep marks on the schema they walk, so they get a copy). */
  private validatorFor(schema: Schema, rootSchema: Schema): { all: Validator; first: Validator } {
    let pair = this.validators.get(schema);
    if (!pair) {
      const copy = structuredClone(schema) as Schema & { $defs?: unknown };
      if (copy.$defs === undefined && rootSchema.$defs !== undefined) copy.$defs = structuredClone(rootSchema.$defs);
      pair = { all: new Validator(copy as object, '2020-12', false), first: new Validator(structuredClone(copy) as object, '2020-12', true) };
      this.validators.set(schema, pair);
    }
    return pair;
  }
}

export const entityValidator = new EntityValidator();
