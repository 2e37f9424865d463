/** Someone a file can be matched to: a listed person with their ID number (stored normalised). */
export interface MatchTarget {
  personId: string;
  name: string;
  idNumber: string;
}

export type MatchResult<T> = { target: T } | { reason: string };

export const NO_ID_NUMBER = '文件名中没有找到需要补充材料的人员的证件号码：请以该人员的证件号码命名图片（如 姓名_证件号码.jpg），并确认该人员在所选年度的列表中。';

/** The file name without its extension, NFKC-normalised (full-width digits and letters) and upper-cased. */
export function fileNameStem(fileName: string): string {
  const base = fileName.split(/[/\\]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).normalize('NFKC').toUpperCase();
}

/** Start positions of every occurrence of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * The one listed person whose ID number the file name contains; nothing is guessed: no number or
 * the numbers of several persons is a reason instead. A number found only inside a longer listed
 * number (passport `E1234` within `E12345`) does not count as found.
 */
export function matchFileName<T extends MatchTarget>(fileName: string, targets: readonly T[]): MatchResult<T> {
  const stem = fileNameStem(fileName);
  const hits = targets.map((target) => ({ target, id: target.idNumber.toUpperCase() }))
    .filter(({ id }) => id !== '' && stem.includes(id))
    .map((hit) => ({ ...hit, at: occurrences(stem, hit.id) }));
  const standalone = hits.filter((hit) => hit.at.some((start) => !hits.some((other) => other.id.length > hit.id.length
    && other.at.some((o) => o <= start && start + hit.id.length <= o + other.id.length))));
  const persons = [...new Map(standalone.map((hit) => [hit.target.personId, hit.target])).values()];
  if (persons.length === 1) return { target: persons[0]! };
  if (persons.length === 0) return { reason: NO_ID_NUMBER };
  return { reason: `文件名中的证件号码对应多名人员（${persons.map((p) => p.name).join('、')}）：请让每个文件名只包含一名人员的证件号码。` };
}
