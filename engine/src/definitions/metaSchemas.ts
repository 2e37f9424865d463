import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { definitionKinds, type DefinitionKind, type DefinitionProblem } from './types.js';

type Params = Record<string, unknown>;

/** Chinese messages for problems in definitions (read by administrators in the designer and at start). */
const messages: Record<string, (p: Params) => string> = {
  required: (p) => `缺少必填属性「${String(p.missingProperty)}」`,
  unevaluatedProperties: () => '不支持的属性',
  additionalProperties: () => '不支持的属性',
  enum: (p) => `应为以下值之一：${(p.allowedValues as unknown[]).map(String).join('、')}`,
  const: (p) => `应为 ${JSON.stringify(p.allowedValue)}`,
  type: (p) => `类型应为 ${String(p.type)}`,
  pattern: (p) => `格式不正确（应匹配 ${String(p.pattern)}）`,
  minLength: (p) => (p.limit === 1 ? '不能为空' : `长度不能少于 ${String(p.limit)}`),
  maxLength: (p) => `长度不能超过 ${String(p.limit)}`,
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  uniqueItems: (p) => `第 ${String(p.j)} 项与第 ${String(p.i)} 项重复`,
};

function toProblem(source: string, error: ErrorObject): DefinitionProblem | undefined {
  const p = error.params as Params;
  if (['if', 'then', 'allOf', 'anyOf', 'oneOf', '$ref'].includes(error.keyword)) return undefined;
  const extra = p.unevaluatedProperty ?? p.additionalProperty;
  const path = extra === undefined ? error.instancePath : `${error.instancePath}/${String(extra)}`;
  const message = messages[error.keyword]?.(p) ?? `${error.keyword}: ${error.message ?? ''}`;
  return { source, path, message };
}

/** The meta-schemas of `definitions/schemas/`, compiled once. */
export class MetaSchemas {
  private readonly envelope: ValidateFunction;
  private readonly byKind = new Map<DefinitionKind, ValidateFunction>();

  constructor(schemasDir: string) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true, logger: false });
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(schemasDir, name), 'utf8')) as object;
    const envelope = read('definition.schema.json') as { $id: string };
    ajv.addSchema(envelope);
    this.envelope = ajv.getSchema(envelope.$id) as ValidateFunction;
    for (const kind of definitionKinds) this.byKind.set(kind, ajv.compile(read(`${kind}.schema.json`)));
  }

  /** Problems of one definition's content against the envelope and its kind's meta-schema. */
  validate(source: string, content: unknown): DefinitionProblem[] {
    const kind = (content as { kind?: unknown } | null)?.kind;
    const validator = typeof kind === 'string' ? this.byKind.get(kind as DefinitionKind) : undefined;
    const validate = validator ?? this.envelope;
    if (validate(content)) return [];
    const problems = (validate.errors ?? []).map((e) => toProblem(source, e)).filter((p) => p !== undefined);
    const unique = new Map(problems.map((p) => [`${p.path}|${p.message}`, p]));
    return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
  }
}
