import { normalizePassword } from '../passwords.js';
import type { CharClass, PasswordContext, PasswordRules, PolicyFailure } from './types.js';

type Input = PasswordContext & { normalized: string; characters: string[] };
type Rule = (input: Input, rules: PasswordRules) => string | undefined;

/** Full-width forms and CJK punctuation (；，。“”‘’…—、《》 …): easy to type by mistake with a Chinese IME. */
const FULL_WIDTH = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]/u;

const classes: Record<CharClass, [string, RegExp]> = {
  upper: ['大写字母', /[A-Z]/], lower: ['小写字母', /[a-z]/], digit: ['数字', /[0-9]/], special: ['特殊字符', /[^A-Za-z0-9]/],
};

/** Whether the text holds `length` consecutive ascending or descending letters or digits (1234, dcba; case ignored). */
export function hasSequence(text: string, length: number): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i + length <= lower.length; i += 1) {
    const run = lower.slice(i, i + length);
    if (!/^[a-z]+$/.test(run) && !/^[0-9]+$/.test(run)) continue;
    const steps = [...run].slice(1).map((c, k) => c.charCodeAt(0) - run.charCodeAt(k));
    if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return true;
  }
  return false;
}

const isSpecial = (c: string) => /[^A-Za-z0-9]/.test(c);

/** Each rule under its API.md `rule` name; a rule returns the Chinese message when the password fails it. */
const rules: Record<string, Rule> = {
  fullWidth: ({ password }, r) => (r.refuseFullWidth && FULL_WIDTH.test(password)
    ? '密码中含有中文标点或全角符号（如；，。“”），请切换到英文输入法后再输入符号。' : undefined),
  minLength: ({ characters }, r) => (characters.length < r.minLength ? `密码长度不能少于 ${r.minLength} 位（当前 ${characters.length} 位）。` : undefined),
  maxLength: ({ characters }, r) => (characters.length > r.maxLength ? `密码长度不能超过 ${r.maxLength} 位。` : undefined),
  charClasses: ({ normalized }, r) => {
    const missing = r.requiredClasses.filter((c) => !classes[c][1].test(normalized)).map((c) => classes[c][0]);
    return missing.length
      ? `密码必须同时包含${r.requiredClasses.map((c) => classes[c][0]).join('、')}，当前缺少：${missing.join('、')}。` : undefined;
  },
  sequence: ({ normalized }, r) => (r.sequenceLength > 0 && hasSequence(normalized, r.sequenceLength)
    ? `密码中不能有 ${r.sequenceLength} 位及以上连续的字母或数字（如 1234、abcd、4321）。` : undefined),
  forbiddenChar: ({ characters }, r) => {
    const allowed = r.allowedSpecials;
    const bad = [...new Set(characters.filter((c) => isSpecial(c) && !(r.refuseFullWidth && FULL_WIDTH.test(c))
      && (allowed === null ? /[\p{C}]/u.test(c) : !allowed.includes(c))))];
    if (bad.length === 0) return undefined;
    const shown = bad.map((c) => (c === ' ' ? '空格' : /[\p{C}]/u.test(c) ? '不可见字符' : c)).join(' ');
    return `密码中不能使用这些字符：${shown}。${allowed === null ? '' : `可用的特殊字符为 ${allowed}`}`;
  },
  confirm: ({ password, confirm }) => (password !== confirm ? '两次输入的新密码不一致，请重新输入。' : undefined),
  username: ({ normalized, username }, r) => (r.refuseUsername && normalized.toLowerCase().includes(username.toLowerCase())
    ? '密码中不能包含账号名。' : undefined),
  default: ({ normalized, defaultPassword }, r) => (r.refuseDefault && normalized === normalizePassword(defaultPassword)
    ? '新密码不能与系统默认密码相同。' : undefined),
  blocklist: ({ normalized }, r) => (r.blocklist?.includes(normalized.toLowerCase())
    ? '这是一个常见密码，很容易被猜到，请换一个。' : undefined),
  context: ({ normalized }, r) => {
    const word = r.contextWords?.find((w) => normalized.toLowerCase().includes(w.toLowerCase()));
    return word ? `密码中不能包含与本系统相关的词「${word}」。` : undefined;
  },
};

/** Every rule the new password fails (reuse of earlier passwords is checked separately: it needs the hashes). */
export function checkPasswordRules(ctx: PasswordContext, passwordRules: PasswordRules): PolicyFailure[] {
  const normalized = normalizePassword(ctx.password);
  const input: Input = { ...ctx, normalized, characters: [...normalized] };
  return Object.entries(rules).flatMap(([rule, check]) => {
    const message = check(input, passwordRules);
    return message ? [{ rule, message }] : [];
  });
}

/** The rules in force as sentences for the password pages (so the help text is never hard-coded). */
export function describePasswordRules(r: PasswordRules, historyCount = r.historyCount): string[] {
  const lines = [`长度 ${r.minLength}～${r.maxLength} 位`];
  if (r.requiredClasses.length) lines.push(`必须同时包含${r.requiredClasses.map((c) => classes[c][0]).join('、')}`);
  if (r.sequenceLength > 0) lines.push(`不能有 ${r.sequenceLength} 位及以上连续的字母或数字（如 1234、abcd）`);
  if (r.allowedSpecials !== null) lines.push(`特殊字符只能使用 ${r.allowedSpecials}（例如不能使用 %）`);
  if (r.refuseFullWidth) lines.push('不能使用中文标点或全角符号，请用英文输入法输入');
  if (r.refuseUsername) lines.push('不能包含账号名');
  if (r.refuseDefault) lines.push('不能使用系统默认密码');
  if (historyCount > 0) lines.push(`不能与最近 ${historyCount} 次使用过的密码相同`);
  if (r.blocklist?.length) lines.push('不能使用常见的弱密码（如 123456、password）');
  return lines;
}
