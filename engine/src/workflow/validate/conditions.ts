import { compileExpression, freeVariables } from '../../rules/index.js';
import type { ProcessProblem, SequenceFlow } from '../model/types.js';
import { problemAt, type CheckContext } from './context.js';

/** FEEL's language URIs (DMN 1.1 to 1.5) and short names a modeller may write. */
const FEEL_LANGUAGE = /^(feel|https?:\/\/www\.omg\.org\/spec\/DMN\/\d{8}\/FEEL\/?)$/i;

const flowLabel = (flow: SequenceFlow) => ({ id: flow.id, type: 'bpmn:SequenceFlow' });

/** Compiles (feelin's syntax errors carry a position), then refuses unknown variables with theirs. */
function compileProblem(flow: SequenceFlow, body: string, names: readonly string[]): ProcessProblem[] {
  try {
    const compiled = compileExpression(body, names);
    const unknown = freeVariables(body).filter((v) => !names.includes(v.name));
    if (unknown.length > 0) {
      return unknown.map((v) => problemAt(flowLabel(flow),
        `的条件使用了未知的变量「${v.name}」（第 ${v.position + 1} 个字符），可用的变量：${names.join('、')}`));
    }
    // feelin refuses some malformed expressions only when run: run once on empty variables, both ways.
    const empty = Object.fromEntries(names.map((name) => [name, null]));
    compiled.run(empty, { interpret: true });
    compiled.run(empty);
    return [];
  } catch (error) {
    const position = (error as { position?: number }).position;
    const where = position !== undefined ? `（第 ${position + 1} 个字符）` : '';
    return [problemAt(flowLabel(flow), `的条件不是有效的 FEEL 表达式${where}：${(error as Error).message}`)];
  }
}

/**
 * Conditions belong on the outgoing flows of an exclusive split only, as a FEEL `bpmn:FormalExpression`
 * that parses and reads only the declared variables.
 */
export function checkCondition(flow: SequenceFlow, { model, variables }: CheckContext): ProcessProblem[] {
  const condition = flow.condition;
  if (!condition) return [];
  const source = model.nodes[flow.source];
  if (source?.type !== 'bpmn:ExclusiveGateway' || source.outgoing.length < 2) {
    return [problemAt(flowLabel(flow), '有条件，但条件只能写在排他网关的多条流出顺序流上')];
  }
  if (condition.type !== 'bpmn:FormalExpression') return [problemAt(flowLabel(flow), `的条件应为 bpmn:FormalExpression，而不是 ${condition.type}`)];
  if (condition.language && !FEEL_LANGUAGE.test(condition.language)) {
    return [problemAt(flowLabel(flow), `的条件语言「${condition.language}」不受支持：条件只能用 FEEL 书写`)];
  }
  const body = condition.body.trim();
  if (!body) return [problemAt(flowLabel(flow), '的条件为空：请写 FEEL 表达式，如 outcome = "approve"')];
  return compileProblem(flow, body, variables);
}
