import { normalizePassword } from './passwords.js';

/** Parameters of the password policy (the guide's defaults; issue 3 makes this a definition). */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  sequenceLength: number;
  allowedSpecials: string;
  historyCount: number;
}

export const guidePolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 64,
  sequenceLength: 4,
  allowedSpecials: '~!@#$^&*()-_=+[]{}|;:,.<>/?',
  historyCount: 5,
};

export interface PasswordContext {
  password: string;
  confirm: string;
  username: string;
  defaultPassword: string;
}

export interface PolicyFailure { rule: string; message: string }

type Rule = (ctx: PasswordContext & { normalized: string }, policy: PasswordPolicy) => string | undefined;

const FULL_WIDTH = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]/u;

const classes: Array<[string, RegExp]> = [['大写字母', /[A-Z]/], ['小写字母', /[a-z]/], ['数字', /[0-9]/], ['特殊字符', /[^A-Za-z0-9]/]];

function hasSequence(text: string, length: number): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i + length <= lower.length; i += 1) {
    const run = lower.slice(i, i + length);
    const sameKind = /^[a-z]+$/.test(run) || /^[0-9]+$/.test(run);
    if (!sameKind) continue;
    const steps = [...run].slice(1).map((c, k) => c.charCodeAt(0) - run.charCodeAt(k));
    if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return true;
  }
  return false;
}

/** One rule per API `rule` value; each returns the Chinese message when the password fails it. */
const rules: Record<string, Rule> = {
  fullWidth: ({ password }) => (FULL_WIDTH.test(password)
    ? '密码中含有中文标点或全角符号（如；，。“”），请切换到英文输入法后再输入符号。' : undefined),
  minLength: ({ normalized }, p) => ([...normalized].length < p.minLength ? `密码长度不能少于 ${p.minLength} 位。` : undefined),
  maxLength: ({ normalized }, p) => ([...normalized].length > p.maxLength ? `密码长度不能超过 ${p.maxLength} 位。` : undefined),
  charClasses: ({ normalized }) => {
    const missing = classes.filter(([, re]) => !re.test(normalized)).map(([name]) => name);
    return missing.length ? `密码必须同时包含大写字母、小写字母、数字和特殊字符，当前缺少：${missing.join('、')}。` : undefined;
  },
  sequence: ({ normalized }, p) => (hasSequence(normalized, p.sequenceLength)
    ? `密码中不能有 ${p.sequenceLength} 位及以上连续的字母或数字（如 1234、abcd、4321）。` : undefined),
  forbiddenChar: ({ normalized }, p) => {
    const bad = [...new Set([...normalized].filter((c) => /[^A-Za-z0-9]/.test(c) && !p.allowedSpecials.includes(c) && !FULL_WIDTH.test(c)))];
    return bad.length ? `密码中不能使用这些字符：${bad.map((c) => (c === ' ' ? '空格' : c)).join(' ')}。可用的特殊字符为 ${p.allowedSpecials}` : undefined;
  },
  confirm: ({ password, confirm }) => (password !== confirm ? '两次输入的新密码不一致，请重新输入。' : undefined),
  username: ({ normalized, username }) => (normalized.toLowerCase().includes(username.toLowerCase())
    ? '密码中不能包含账号名。' : undefined),
  default: ({ normalized, defaultPassword }) => (normalized === normalizePassword(defaultPassword)
    ? '新密码不能与系统默认密码相同。' : undefined),
};

/** Every rule the new password fails (the history check is separate: it needs the stored hashes). */
export function checkPasswordPolicy(ctx: PasswordContext, policy: PasswordPolicy = guidePolicy): PolicyFailure[] {
  const input = { ...ctx, normalized: normalizePassword(ctx.password) };
  return Object.entries(rules).flatMap(([rule, check]) => {
    const message = check(input, policy);
    return message ? [{ rule, message }] : [];
  });
}
