import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { BadRequestError, ValidationError, type ErrorItem } from '../errors/index.js';
import { createEntityAjv, toErrorItems } from '../schema/index.js';

/** Validates request bodies with the engine's ajv (dictionaries in force, Chinese messages, paths). */
export class InputValidator {
  private readonly ajv;
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(registry: DefinitionRegistry) {
    this.ajv = createEntityAjv(registry);
  }

  /** The problems of a body (400 if it is not an object at all), to combine with other checks. */
  errorsOf(schema: object, input: unknown): ErrorItem[] {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new BadRequestError('请求体应为一个 JSON 对象。');
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate(input) ? [] : toErrorItems(validate.errors, schema as Record<string, unknown>);
  }

  parse<T>(schema: object, input: unknown): T {
    const errors = this.errorsOf(schema, input);
    if (errors.length > 0) throw new ValidationError(errors);
    return input as T;
  }
}
