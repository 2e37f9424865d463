import type { DefinitionRegistry } from '../definitions/index.js';
import type { AccountPolicy } from './policy/index.js';

/** The `policy` definition in force (chosen by PASSWORD_POLICY); a new published version applies at once. */
export class AccountPolicies {
  constructor(private readonly registry: DefinitionRegistry, private readonly key: string) {}

  current(): AccountPolicy {
    const policy = this.registry.get('policy', this.key)?.content as AccountPolicy | undefined;
    if (!policy) throw new Error(`The password policy "${this.key}" (PASSWORD_POLICY) is not a published policy definition`);
    return policy;
  }
}
