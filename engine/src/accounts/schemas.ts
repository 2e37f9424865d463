/** Input schemas of roles and accounts, validated by the engine's ajv (Chinese messages, JSON-pointer paths). */

export const roleInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'permissions'],
  properties: {
    name: { type: 'string', title: '角色名称', minLength: 1, maxLength: 30 },
    type: { type: 'string', title: '角色类型', 'x-dictionary': 'roleType' },
    order: { type: 'integer', title: '角色序号', minimum: 0, maximum: 9999 },
    status: { type: 'string', title: '状态', enum: ['active', 'disabled'] },
    description: { type: 'string', title: '说明', maxLength: 200 },
    permissions: { type: 'array', title: '权限', items: { type: 'string', maxLength: 100 }, uniqueItems: true, maxItems: 500 },
  },
};

const mobile = { type: 'string', title: '手机号码', format: 'mobile' };
const subsystems = { type: 'array', title: '所属子系统', items: { type: 'string', 'x-dictionary': 'subsystem', title: '子系统' },
  uniqueItems: true, minItems: 1 };

export const accountCreateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roleId', 'username', 'nickname'],
  properties: {
    roleId: { type: 'string', title: '角色', minLength: 1 },
    username: { type: 'string', title: '账号', pattern: '^[A-Za-z][A-Za-z0-9_]{7,31}$',
      'x-patternMessage': '「账号」必须以字母开头，由 8～32 位字母、数字或下划线组成（通常为拼音缩写，例如 xxyyypglb）。' },
    nickname: { type: 'string', title: '用户昵称', minLength: 1, maxLength: 30 },
    mobile,
    password: { type: 'string', title: '用户密码', maxLength: 256 },
    confirmPassword: { type: 'string', title: '确认密码', maxLength: 256 },
    subsystems,
  },
};

/** Username and nickname are immutable: sending other values is refused, not ignored. */
export const accountUpdateSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    roleId: { type: 'string', title: '角色', minLength: 1 },
    username: { type: 'string', title: '账号' },
    nickname: { type: 'string', title: '用户昵称' },
    mobile: { anyOf: [mobile, { type: 'null' }], title: '手机号码' },
    subsystems,
    status: { type: 'string', title: '状态', enum: ['active', 'disabled'] },
    internetAccess: { type: 'boolean', title: '互联网访问' },
  },
};

export const passwordResetSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    password: { type: 'string', title: '新密码', maxLength: 256 },
    confirmPassword: { type: 'string', title: '确认密码', maxLength: 256 },
  },
};
