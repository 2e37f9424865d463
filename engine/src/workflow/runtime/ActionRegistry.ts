import type { ActionHandler } from './types.js';

/** The handlers of service-task actions, by the name a `<zj:action name="…"/>` gives. */
export class ActionRegistry {
  private readonly handlers = new Map<string, ActionHandler>();

  register(name: string, handler: ActionHandler): void {
    if (this.handlers.has(name)) throw new Error(`Workflow action ${name} is already registered`);
    this.handlers.set(name, handler);
  }

  get(name: string): ActionHandler {
    const handler = this.handlers.get(name);
    // A published process names only known actions; a missing handler is a wiring fault, and the step rolls back.
    if (!handler) throw new Error(`No handler is registered for workflow action ${name}`);
    return handler;
  }
}
