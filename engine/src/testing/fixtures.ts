import { gb11643CheckChar } from '../schema/idDocuments/index.js';
import type { HttpClient } from './HttpClient.js';

/** A valid mainland ID number for a birth date and sequence (odd = male, even = female). */
export function residentId(birthDate: string, sequence: string, region = '420102'): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${gb11643CheckChar(first17)}`;
}

/** The id of a department by name, as the institution sees it. */
export async function departmentId(client: HttpClient, name: string): Promise<string> {
  const response = await client.get(`/api/data/department?q=${encodeURIComponent(name)}&pageSize=100`);
  const found = (response.body.items as Array<{ id: string; data: { name: string } }>).find((d) => d.data.name === name);
  if (!found) throw new Error(`department ${name} not found`);
  return found.id;
}

export function personData(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三', documentType: '01', idNumber: residentId('1990-05-17', '123'), nationality: 'CHN',
    employmentStatus: '1', ...overrides,
  };
}
