/**
 * The probation table of issue 4: cases of the 2024 rule set (guide §5.4, R-7.2) with the rule ids
 * each must break. The same table runs through the HTTP API (engine) and through the browser-side
 * evaluator (runtime-ui), so the two must give identical verdicts.
 *
 * A case is one person and the segments filed for them together; `expect` is every rule broken by
 * any of the segments. Window boundaries of 2024: 非应届 2023-01-01 … 2024-01-31, 应届
 * 2023-06-01 … 2024-08-31; at least 12 months in total.
 */
export interface ProbationCaseSegment {
  candidateType: 'fresh' | 'nonFresh';
  startDate: string;
  endDate: string;
  /** Whether the supplementary JPG is attached. */
  material?: boolean;
}

export interface ProbationCase {
  name: string;
  /** The person's 在职状态 code (default 1, 在岗人员) and nationality (default CHN). */
  person?: { employmentStatus?: string; nationality?: 'CHN' | 'HKG' | 'MAC' | 'TWN' | 'USA' };
  segments: ProbationCaseSegment[];
  expect: string[];
}

const nonFresh = (startDate: string, endDate: string, material?: boolean): ProbationCaseSegment =>
  ({ candidateType: 'nonFresh', startDate, endDate, ...(material ? { material } : {}) });
const fresh = (startDate: string, endDate: string, material?: boolean): ProbationCaseSegment =>
  ({ candidateType: 'fresh', startDate, endDate, ...(material ? { material } : {}) });

export const probation2024Cases: ProbationCase[] = [
  // 非应届 windows
  { name: '非应届：最早开始到最晚结束', segments: [nonFresh('2023-01-01', '2024-01-31')], expect: [] },
  { name: '非应届：开始早一天', segments: [nonFresh('2022-12-31', '2024-01-31')], expect: ['nonFreshStartWindow'] },
  { name: '非应届：按规则原文的 12 月 1 日开始（2024 按示例执行）', segments: [nonFresh('2022-12-01', '2023-11-30')], expect: ['nonFreshStartWindow'] },
  { name: '非应届：结束晚一天', segments: [nonFresh('2023-01-01', '2024-02-01')], expect: ['nonFreshEndWindow'] },
  { name: '非应届：开始晚一天仍满 12 个月', segments: [nonFresh('2023-01-02', '2024-01-31')], expect: [] },
  { name: '非应届：恰好 12 个月', segments: [nonFresh('2023-02-01', '2024-01-31')], expect: [] },
  { name: '非应届：差一天满 12 个月', segments: [nonFresh('2023-02-02', '2024-01-31')], expect: ['totalAtLeastMinimum'] },
  { name: '非应届：月末开始恰好 12 个月', segments: [nonFresh('2023-01-31', '2024-01-30')], expect: [] },
  { name: '非应届：开始和结束都越界', segments: [nonFresh('2022-11-01', '2024-03-01')], expect: ['nonFreshStartWindow', 'nonFreshEndWindow'] },
  { name: '非应届：按应届的时间填报', segments: [nonFresh('2023-06-01', '2024-08-31')], expect: ['nonFreshEndWindow'] },
  // 应届 windows
  { name: '应届：最早开始恰好 12 个月', segments: [fresh('2023-06-01', '2024-05-31')], expect: [] },
  { name: '应届：最早开始差一天', segments: [fresh('2023-06-01', '2024-05-30')], expect: ['totalAtLeastMinimum'] },
  { name: '应届：开始早一天', segments: [fresh('2023-05-31', '2024-05-31')], expect: ['freshStartWindow'] },
  { name: '应届：最晚结束恰好 12 个月', segments: [fresh('2023-09-01', '2024-08-31')], expect: [] },
  { name: '应届：结束晚一天', segments: [fresh('2023-09-01', '2024-09-01')], expect: ['freshEndWindow'] },
  { name: '应届：最晚结束差一天', segments: [fresh('2023-09-02', '2024-08-31')], expect: ['totalAtLeastMinimum'] },
  { name: '应届：整个窗口', segments: [fresh('2023-06-01', '2024-08-31')], expect: [] },
  { name: '应届：按非应届的时间填报', segments: [fresh('2023-01-01', '2024-01-31')], expect: ['freshStartWindow'] },
  { name: '应届：跨闰日恰好 12 个月', segments: [fresh('2023-08-01', '2024-07-31')], expect: [] },
  // start and end
  { name: '开始晚于结束', segments: [fresh('2024-08-01', '2024-07-31')], expect: ['startNotAfterEnd', 'totalAtLeastMinimum'] },
  { name: '开始等于结束（一天）', segments: [fresh('2024-01-01', '2024-01-01')], expect: ['totalAtLeastMinimum'] },
  // several segments
  { name: '两段连续合计满 12 个月', segments: [nonFresh('2023-01-01', '2023-06-15'), nonFresh('2023-06-16', '2024-01-31')], expect: [] },
  { name: '两段重叠一天', segments: [nonFresh('2023-01-01', '2023-06-15'), nonFresh('2023-06-15', '2024-01-31')], expect: ['segmentsNotOverlapping'] },
  { name: '两段间断一天', segments: [nonFresh('2023-01-01', '2023-06-15'), nonFresh('2023-06-17', '2024-01-31')], expect: ['segmentsContiguous'] },
  { name: '两段按倒序填写仍连续', segments: [nonFresh('2023-06-16', '2024-01-31'), nonFresh('2023-01-01', '2023-06-15')], expect: [] },
  { name: '两段连续但合计不足 12 个月', segments: [nonFresh('2023-03-01', '2023-06-30'), nonFresh('2023-07-01', '2024-01-31')], expect: ['totalAtLeastMinimum'] },
  { name: '两段相隔数月', segments: [nonFresh('2023-01-01', '2023-03-31'), nonFresh('2023-06-01', '2024-01-31')], expect: ['segmentsContiguous'] },
  { name: '一段包含另一段', segments: [nonFresh('2023-01-01', '2024-01-31'), nonFresh('2023-03-01', '2023-04-30')], expect: ['segmentsNotOverlapping'] },
  { name: '同一时间段填了两次', segments: [nonFresh('2023-01-01', '2024-01-31'), nonFresh('2023-01-01', '2024-01-31')], expect: ['segmentsNotOverlapping'] },
  { name: '三段连续恰好 12 个月（应届）', segments: [fresh('2023-06-01', '2023-09-30'), fresh('2023-10-01', '2024-01-31'), fresh('2024-02-01', '2024-05-31')], expect: [] },
  { name: '三段连续差一天', segments: [fresh('2023-06-01', '2023-09-30'), fresh('2023-10-01', '2024-01-31'), fresh('2024-02-01', '2024-05-30')], expect: ['totalAtLeastMinimum'] },
  { name: '三段中间重叠一天', segments: [fresh('2023-06-01', '2023-09-30'), fresh('2023-09-30', '2024-01-31'), fresh('2024-02-01', '2024-05-31')], expect: ['segmentsNotOverlapping'] },
  { name: '三段中间间断一天', segments: [fresh('2023-06-01', '2023-09-30'), fresh('2023-10-02', '2024-01-31'), fresh('2024-02-01', '2024-06-30')], expect: ['segmentsContiguous'] },
  { name: '两段应届，后一段结束越界', segments: [fresh('2023-06-01', '2023-12-31'), fresh('2024-01-01', '2024-09-01')], expect: ['freshEndWindow'] },
  { name: '两段非应届，前一段开始越界', segments: [nonFresh('2022-12-31', '2023-06-30'), nonFresh('2023-07-01', '2024-01-31')], expect: ['nonFreshStartWindow'] },
  { name: '两段考生类型不一致', segments: [nonFresh('2023-01-01', '2023-06-30'), fresh('2023-07-01', '2024-01-31')], expect: ['candidateTypeConsistent'] },
  // the person's status
  { name: '人员已调离', person: { employmentStatus: '6' }, segments: [nonFresh('2023-01-01', '2024-01-31')], expect: ['personOnDuty'] },
  { name: '人员已退休', person: { employmentStatus: '8' }, segments: [nonFresh('2023-01-01', '2024-01-31')], expect: ['personOnDuty'] },
  { name: '返聘人员不是在岗人员', person: { employmentStatus: '2' }, segments: [fresh('2023-06-01', '2024-05-31')], expect: ['personOnDuty'] },
  // special groups
  { name: '香港居民未上传补充材料', person: { nationality: 'HKG' }, segments: [nonFresh('2023-01-01', '2024-01-31')], expect: ['supplementaryMaterialForSpecialGroups'] },
  { name: '香港居民已上传补充材料', person: { nationality: 'HKG' }, segments: [nonFresh('2023-01-01', '2024-01-31', true)], expect: [] },
  { name: '澳门居民未上传补充材料', person: { nationality: 'MAC' }, segments: [fresh('2023-06-01', '2024-05-31')], expect: ['supplementaryMaterialForSpecialGroups'] },
  { name: '台湾居民已上传补充材料', person: { nationality: 'TWN' }, segments: [fresh('2023-06-01', '2024-05-31', true)], expect: [] },
  { name: '外籍人员未上传补充材料', person: { nationality: 'USA' }, segments: [nonFresh('2023-01-01', '2024-01-31')], expect: ['supplementaryMaterialForSpecialGroups'] },
  { name: '外籍人员已上传补充材料', person: { nationality: 'USA' }, segments: [nonFresh('2023-01-01', '2024-01-31', true)], expect: [] },
  { name: '内地居民上传了补充材料也可以', segments: [nonFresh('2023-01-01', '2024-01-31', true)], expect: [] },
  { name: '两段只需上传一次补充材料（香港）', person: { nationality: 'HKG' },
    segments: [nonFresh('2023-01-01', '2023-06-30', true), nonFresh('2023-07-01', '2024-01-31')], expect: [] },
  { name: '两段都没有补充材料（台湾）', person: { nationality: 'TWN' },
    segments: [fresh('2023-06-01', '2023-12-31'), fresh('2024-01-01', '2024-05-31')], expect: ['supplementaryMaterialForSpecialGroups'] },
  { name: '香港居民既未在岗又无补充材料', person: { nationality: 'HKG', employmentStatus: '7' },
    segments: [nonFresh('2023-01-01', '2024-01-31')], expect: ['personOnDuty', 'supplementaryMaterialForSpecialGroups'] },
];
