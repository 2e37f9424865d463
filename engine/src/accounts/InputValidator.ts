import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { BadRequestError, ValidationError } from '../errors/index.js';
import { createEntityAjv, toErrorItems } from '../schema/index.js';

/** Validates request bodies with the engine's ajv (dictionaries in force, Chinese messages, paths). */
export class InputValidator {
  private readonly ajv;
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(registry: DefinitionRegistry) {
    this.ajv = createEntityAjv(registry);
  }

  parse<T>(schema: object, input: unknown): T {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new BadRequestError('请求体应为一个 JSON 对象。');
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (!validate(input)) throw new ValidationError(toErrorItems(validate.errors, schema as Record<string, unknown>));
    return input as T;
  }
}
