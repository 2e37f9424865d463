/** The definition kinds as the designer names them (list tabs, page titles). */
export const kindLabels: Record<string, string> = {
  entity: '实体表单',
  dictionary: '字典',
  ruleset: '填报规则',
  process: '审批流程',
  menu: '菜单与权限',
  policy: '安全策略',
  template: '初始化模板',
  document: '文书模板',
};

export const kindOrder = Object.keys(kindLabels);

export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind;
