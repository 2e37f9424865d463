import type { DefinitionProblem } from '@zjrj/engine/contract';

/** The problems at or below a JSON pointer (e.g. `/rules/2` gives those of the third rule). */
export function problemsAt(problems: DefinitionProblem[], pointer: string): DefinitionProblem[] {
  return problems.filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`));
}

/** A pointer as readers see it: `/rules/2/assert` → `rules › 第 3 项 › assert`. */
export function readablePath(pointer: string): string {
  if (!pointer) return '（整体）';
  return pointer.split('/').slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `第 ${Number(part) + 1} 项` : part))
    .join(' › ');
}
