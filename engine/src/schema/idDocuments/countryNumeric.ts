/**
 * GB/T 2659 (= ISO 3166-1) alpha-3 → numeric, only for the rows listed in dictionaries.md §7.
 * Used to cross-check digits 4–6 of the 2023 外国人永久居留身份证 against the selected
 * nationality. A nationality missing here is simply not cross-checked.
 */
export const ALPHA3_TO_NUMERIC: ReadonlyMap<string, string> = new Map([
  ['CHN', '156'], ['HKG', '344'], ['MAC', '446'], ['TWN', '158'],
  ['USA', '840'], ['CAN', '124'], ['GBR', '826'], ['FRA', '250'],
  ['DEU', '276'], ['ITA', '380'], ['ESP', '724'], ['NLD', '528'],
  ['RUS', '643'], ['JPN', '392'], ['KOR', '410'], ['PRK', '408'],
  ['MNG', '496'], ['SGP', '702'], ['MYS', '458'], ['THA', '764'],
  ['VNM', '704'], ['LAO', '418'], ['KHM', '116'], ['MMR', '104'],
  ['IDN', '360'], ['PHL', '608'], ['IND', '356'], ['PAK', '586'],
  ['BGD', '050'], ['NPL', '524'], ['LKA', '144'], ['KAZ', '398'],
  ['SAU', '682'], ['ARE', '784'], ['EGY', '818'], ['NGA', '566'],
  ['ZAF', '710'], ['AUS', '036'], ['NZL', '554'], ['BRA', '076'],
]);

/** Numeric code for a context nationality given as alpha-3 or as 3 digits; undefined if unknown. */
export function numericNationality(nationality: string): string | undefined {
  if (/^\d{3}$/.test(nationality)) return nationality;
  return ALPHA3_TO_NUMERIC.get(nationality);
}
