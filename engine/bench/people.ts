import { gb11643CheckChar } from '../src/schema/idDocuments/index.js';
import type { Person } from '../src/generated/index.js';

/** The n-th distinct valid person (unique ID number) for benchmark writes. */
export function benchPerson(n: number, departmentId: string): Person {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const year = 1950 + (Math.floor(n / 336) % 50);
  const sequence = String(Math.floor(n / 16800) % 1000).padStart(3, '0');
  const first17 = `420102${year}${month}${day}${sequence}`;
  return {
    name: `测试人员${n}`, documentType: '01', idNumber: `${first17}${gb11643CheckChar(first17)}`, sex: Number(sequence[2]) % 2 ? '1' : '2',
    birthDate: `${year}-${month}-${day}`, nationality: 'CHN', nation: '01', mobile: '13800138000', departmentId,
    employmentStatus: '1',
  };
}
