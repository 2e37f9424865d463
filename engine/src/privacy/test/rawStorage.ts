import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { DatabaseConfig } from '../../config/index.js';

/**
 * Everything the database keeps on disk, as bytes: SQLite's file and its write-ahead log (read as
 * they are, before any checkpoint), or a plain-text `pg_dump` of the test's schemas (data and DDL).
 */
export async function rawStorage(config: DatabaseConfig): Promise<Array<{ name: string; bytes: Buffer }>> {
  if (config.client === 'sqlite') {
    const files = [config.filename, `${config.filename}-wal`].filter((file) => fs.existsSync(file));
    return files.map((file) => ({ name: file, bytes: fs.readFileSync(file) }));
  }
  const schemas = config.searchPath ? [config.searchPath, `${config.searchPath}_jobs`] : [];
  const dump = await new Promise<Buffer>((resolve, reject) => {
    execFile('pg_dump', ['--format=plain', `--dbname=${config.url}`, ...schemas.map((s) => `--schema=${s}`)],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`pg_dump failed: ${String(stderr)}`));
        else resolve(stdout);
      });
  });
  return [{ name: 'pg_dump', bytes: dump }];
}

/** The forms a value may take in storage: as written, with a lower-case x, and JSON-escaped (\uXXXX). */
export function formsOf(value: string): string[] {
  const escaped = [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return [...new Set([value, value.toLowerCase(), escaped])];
}

/** Which of the values occur, in any of their forms, in the haystack. */
export function occurring(haystack: Buffer, values: readonly string[]): string[] {
  return values.filter((value) => formsOf(value).some((form) => haystack.includes(Buffer.from(form, 'utf8'))));
}
