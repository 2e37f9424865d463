import fs from 'node:fs';
import path from 'node:path';
import type { Candidate } from './validateDefinitions.js';
import type { DefinitionContent, DefinitionProblem } from './types.js';

const SYNTAX_HINT = '请检查逗号、引号和括号是否成对';

/** Turns a JSON.parse position into "line L, column C" so an editor can jump to it (V8's own text varies by version). */
function describeSyntaxError(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return `JSON 语法错误，${SYNTAX_HINT}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `JSON 语法错误（第 ${line} 行第 ${column} 列附近），${SYNTAX_HINT}`;
}

function listJsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(full);
    return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
  }).sort();
}

/**
 * Every definition file under `dir` except the meta-schemas in `schemas/`. Sources are named
 * relative to the directory's parent (`definitions/entities/person.json`), as users see them.
 */
export function readDefinitionFiles(dir: string): { candidates: Candidate[]; problems: DefinitionProblem[] } {
  const candidates: Candidate[] = [];
  const problems: DefinitionProblem[] = [];
  const base = path.dirname(dir);
  const schemasDir = path.join(dir, 'schemas');
  for (const file of listJsonFiles(dir)) {
    if (file.startsWith(schemasDir + path.sep)) continue;
    const source = path.relative(base, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    try {
      const content = JSON.parse(text) as DefinitionContent;
      candidates.push({ source, content });
    } catch (error) {
      problems.push({ source, path: '', message: describeSyntaxError(text, error as Error) });
    }
  }
  return { candidates, problems };
}
