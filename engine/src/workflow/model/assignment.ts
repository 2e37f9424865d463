/**
 * The vocabulary of `<zj:assignee role="…" level="…" permission="…"/>`: who works on a user task,
 * relative to the instance's initiator — or, with `org="data:<field>"` instead of `level`, at the
 * organisation whose id the instance's data names (e.g. the releasing institution of a transfer).
 * The execution layer resolves each name; validation refuses any other.
 */
export const assigneeRoles = {
  main: '该层级机构的主账号',
  reviewer: '该层级机构中拥有 permission 所列权限的账号（主账号拥有本级全部权限）',
  initiator: '发起人本人（如退回修改）',
} as const;

export const assigneeLevels = {
  self: '发起人所在的机构',
  parent: '发起人所在机构的直接上级',
  district: '发起人所在机构或其上级中的区县级机构',
  city: '发起人所在机构或其上级中的地市级机构',
  province: '省级机构',
} as const;

/** `org="data:<field>"`: the organisation whose id is in the instance data field (a plain identifier). */
export const assigneeOrgPattern = /^data:([A-Za-z][A-Za-z0-9_]{0,63})$/;

/** The instance data field an assignment's `org` reads, if it names one. */
export const assigneeDataField = (assignee: { org?: string }): string | undefined =>
  assignee.org === undefined ? undefined : assigneeOrgPattern.exec(assignee.org)?.[1];

export type AssigneeRole = keyof typeof assigneeRoles;
export type AssigneeLevel = keyof typeof assigneeLevels;

/** Names every condition on a sequence flow may read (see docs/definitions.md, `process`). */
export const conditionVariables = ['outcome', 'comment', 'initiator', 'data'] as const;
