import type { DefinitionRegistry, DefinitionRepository } from '../../definitions/index.js';
import { parseProcess } from '../model/parseProcess.js';
import type { ProcessModel } from '../model/types.js';
import { workflowErrors } from './messages.js';

export interface ProcessVersion {
  key: string;
  version: number;
  title: string;
  /** The BPMN 2.0 XML as published (for diagrams). */
  bpmn: string;
  model: ProcessModel;
}

/**
 * Published process versions, parsed once per key@version. Published versions are immutable, so
 * the cache never goes stale; a new instance takes the version in force, a running one the version
 * it started with.
 */
export class ProcessCatalog {
  private readonly cache = new Map<string, Promise<ProcessVersion>>();

  constructor(private readonly deps: { registry: DefinitionRegistry; definitions: DefinitionRepository }) {}

  /** The version in force (what a new instance runs). */
  async current(key: string): Promise<ProcessVersion> {
    const stored = this.deps.registry.get('process', key);
    if (!stored) throw workflowErrors.processNotFound(key);
    return this.version(key, stored.version);
  }

  async version(key: string, version: number): Promise<ProcessVersion> {
    const cacheKey = `${key}@${version}`;
    let entry = this.cache.get(cacheKey);
    if (!entry) {
      entry = this.load(key, version);
      this.cache.set(cacheKey, entry);
      entry.catch(() => this.cache.delete(cacheKey));
    }
    return entry;
  }

  private async load(key: string, version: number): Promise<ProcessVersion> {
    const stored = this.deps.registry.get('process', key)?.version === version
      ? this.deps.registry.get('process', key) : await this.deps.definitions.byVersion('process', key, version);
    if (!stored) throw new Error(`Process ${key} version ${version} is not published`);
    const content = stored.content as { bpmn?: unknown; title?: unknown };
    const bpmn = String(content.bpmn ?? '');
    return { key, version, title: String(content.title ?? key), bpmn, model: await parseProcess(bpmn) };
  }
}
