import { parseExpression } from 'feelin';
import { freeVariables } from '../feel.js';

type SyntaxNode = NonNullable<ReturnType<ReturnType<typeof parseExpression>['topNode']['getChild']>>;

/** How a condition names things for a clerk: a field's title, a value's label (dictionary items). */
export interface ConditionWords {
  title(field: string): string;
  label(field: string, value: unknown): string;
}

const OPERATORS: Record<string, string> = { '=': '为', '!=': '不为', '<': '小于', '<=': '不大于', '>': '大于', '>=': '不小于' };

const childrenOf = (node: SyntaxNode): SyntaxNode[] => {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
};

function literal(node: SyntaxNode, source: string): { value: unknown } | undefined {
  const text = source.slice(node.from, node.to);
  if (node.name === 'StringLiteral') return { value: JSON.parse(text) as string };
  if (node.name === 'NumericLiteral') return { value: Number(text) };
  if (node.name === 'BooleanLiteral') return { value: text === 'true' };
  if (node.name === 'null') return { value: null };
  return undefined;
}

function comparison(node: SyntaxNode, source: string, words: ConditionWords): string | undefined {
  const [left, op, right] = childrenOf(node);
  if (left?.name !== 'VariableName' || !op || !right) return undefined;
  const field = source.slice(left.from, left.to);
  const title = `「${words.title(field)}」`;
  const opText = source.slice(op.from, op.to);
  if (opText === 'in' && right.name === 'PositiveUnaryTest' && right.firstChild?.name === 'List') {
    const values = childrenOf(right.firstChild).map((c) => literal(c, source)).filter((v) => v !== undefined);
    return values.length ? `${title}为${values.map((v) => `「${words.label(field, v.value)}」`).join('或')}` : undefined;
  }
  const value = literal(right, source);
  if (!value || !OPERATORS[opText]) return undefined;
  if (value.value === null) return opText === '=' ? `${title}未填写` : opText === '!=' ? `${title}已填写` : undefined;
  return `${title}${OPERATORS[opText]}「${words.label(field, value.value)}」`;
}

function describeNode(node: SyntaxNode, source: string, words: ConditionWords): string | undefined {
  if (node.name === 'Expression' || node.name === 'ParenthesizedExpression') {
    const inner = childrenOf(node).filter((c) => c.name !== '(' && c.name !== ')');
    return inner.length === 1 ? describeNode(inner[0]!, source, words) : undefined;
  }
  if (node.name === 'Comparison') return comparison(node, source, words);
  if (node.name === 'Conjunction' || node.name === 'Disjunction') {
    const parts = childrenOf(node).filter((c) => c.name !== 'and' && c.name !== 'or').map((c) => describeNode(c, source, words));
    return parts.every((p) => p !== undefined) ? parts.join(node.name === 'Conjunction' ? '且' : '或') : undefined;
  }
  return undefined;
}

/**
 * A condition in words (`category = "1"` → 「科室（部门）类别」为「科室（部门）」) for comparisons of a
 * field with literals joined by and/or; other expressions are quoted as written, field names replaced by titles.
 */
export function describeCondition(source: string, words: ConditionWords): string {
  const tree = parseExpression(source, {}, undefined);
  const described = tree.topNode.firstChild ? describeNode(tree.topNode, source, words) : undefined;
  if (described) return described;
  let text = source;
  for (const v of freeVariables(source).reverse()) {
    text = `${text.slice(0, v.position)}「${words.title(v.name)}」${text.slice(v.position + v.name.length)}`;
  }
  return `满足条件“${text.trim()}”`;
}
