import fs from 'node:fs';
import path from 'node:path';

/** A value as a config file may give it; environment variables are always strings. */
type FileValue = string | number | boolean | string[];

interface Raw { value: FileValue; origin: string }

/**
 * Every wrong setting found at start, one line each, naming the setting and where it came from,
 * so that an operator fixes them all in one go. The process exits non-zero on it (main.ts).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid engine configuration (see docs/configuration.md):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readConfigFile(file: string): Record<string, FileValue> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`CONFIG_FILE: cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? String(error)}); fix the path or unset CONFIG_FILE`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`CONFIG_FILE: "${file}" is not valid JSON: ${(error as Error).message}`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([`CONFIG_FILE: "${file}" must hold one JSON object of settings, e.g. {"PORT": 3000}`]);
  }
  const values: Record<string, FileValue> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const ok = ['string', 'number', 'boolean'].includes(typeof value)
      || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (ok) values[key] = value as FileValue;
    else problems.push(`${key}: must be a string, number, boolean or list of strings (in ${file})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

/**
 * Settings from the environment over an optional JSON file (`CONFIG_FILE`) whose keys are the same
 * names as the environment variables. Typed readers collect every problem instead of stopping at
 * the first; `finish()` throws them together and refuses file keys no reader asked for, so a typo
 * in the file is an error rather than a silently ignored setting.
 */
export class ConfigSource {
  private readonly known = new Set<string>(['CONFIG_FILE']);
  private readonly problems: string[] = [];

  private constructor(private readonly env: NodeJS.ProcessEnv, private readonly file?: { path: string; values: Record<string, FileValue> }) {}

  static from(env: NodeJS.ProcessEnv): ConfigSource {
    const file = env.CONFIG_FILE ? path.resolve(env.CONFIG_FILE) : undefined;
    return new ConfigSource(env, file ? { path: file, values: readConfigFile(file) } : undefined);
  }

  /** The value in force: a non-empty environment variable, else the file's, else none. */
  private raw(name: string): Raw | undefined {
    this.known.add(name);
    const fromEnv = this.env[name];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, origin: 'environment' };
    const fromFile = this.file?.values[name];
    return fromFile === undefined ? undefined : { value: fromFile, origin: this.file!.path };
  }

  private problem(name: string, raw: Raw, expected: string): void {
    this.problems.push(`${name}: ${expected}, got ${JSON.stringify(raw.value)} (from ${raw.origin})`);
  }

  string(name: string, fallback: string): string {
    return this.optionalString(name) ?? fallback;
  }

  optionalString(name: string): string | undefined {
    const raw = this.raw(name);
    if (raw === undefined) return undefined;
    if (typeof raw.value === 'string') return raw.value;
    this.problem(name, raw, 'must be a string');
    return undefined;
  }

  /** An integer of at least `min` (1 unless said otherwise). */
  int(name: string, fallback: number, min = 1): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = typeof raw.value === 'number' ? raw.value : typeof raw.value === 'string' && /^\s*-?\d+\s*$/.test(raw.value) ? Number(raw.value) : NaN;
    if (Number.isSafeInteger(value) && value >= min) return value;
    this.problem(name, raw, min === 0 ? 'must be a whole number, 0 or more' : `must be a whole number of at least ${min}`);
    return fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (raw.value === true || raw.value === 'true') return true;
    if (raw.value === false || raw.value === 'false') return false;
    this.problem(name, raw, 'must be true or false');
    return fallback;
  }

  oneOf<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (options.includes(raw.value as T)) return raw.value as T;
    this.problem(name, raw, `must be one of ${options.map((o) => `"${o}"`).join(', ')}`);
    return fallback;
  }

  /** A list: a JSON array in the file, comma-separated in the environment; each item checked by `check`. */
  list(name: string, fallback: string[], check: (item: string) => boolean, itemKind: string): string[] {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const items = Array.isArray(raw.value) ? raw.value.map((item) => item.trim())
      : typeof raw.value === 'string' ? raw.value.split(',').map((item) => item.trim()).filter(Boolean) : undefined;
    if (items === undefined) {
      this.problem(name, raw, 'must be a list of strings');
      return fallback;
    }
    const wrong = items.filter((item) => !check(item));
    if (wrong.length === 0) return items;
    this.problems.push(`${name}: must be a list of ${itemKind}; not one: ${wrong.map((w) => `"${w}"`).join(', ')} (from ${raw.origin})`);
    return fallback;
  }

  /** A file system path, resolved against the working directory. */
  path(name: string, fallback: string): string {
    return path.resolve(this.string(name, fallback));
  }

  /** Every setting read so far. */
  names(): string[] {
    return [...this.known];
  }

  /** Adds a problem found by a check across settings (or by a parser owned elsewhere). */
  refuse(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`);
  }

  /** Throws every problem at once, including keys of the file that name no setting. */
  finish(): void {
    for (const key of Object.keys(this.file?.values ?? {})) {
      if (!this.known.has(key)) this.problems.push(`${key}: no such setting (in ${this.file!.path}); see docs/configuration.md for the names`);
    }
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
