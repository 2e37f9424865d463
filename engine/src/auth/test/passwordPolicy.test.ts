import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

/**
 * Every rule of the policy in force, both ways, through POST /api/auth/password. A "passes" case
 * sends a mismatching confirmation so that nothing is stored: the answer must then name only
 * `confirm`, proving the rule under test did not fire.
 */
const rulesOf = (body: { errors: Array<{ rule?: string }> }) => body.errors.map((e) => e.rule).sort();

const guideCases: Array<[string, string, string[]]> = [
  ['7 characters are too short', 'Ab#1xzq', ['minLength']],
  ['8 characters are enough', 'Ab#1xzqw', []],
  ['65 characters are too long', `Ab#1${'x'.repeat(61)}`, ['maxLength']],
  ['no upper case letter', 'ab#13579', ['charClasses']],
  ['no lower case letter', 'AB#13579', ['charClasses']],
  ['no digit', 'Ab#xqzmw', ['charClasses']],
  ['no special character', 'Ab13579x', ['charClasses']],
  ['all four classes', 'Ab#13579', []],
  ['% is not allowed', 'Ab%13579', ['forbiddenChar']],
  ['a space is not allowed', 'Ab# 13579', ['forbiddenChar']],
  ['@ is allowed', 'Ab@13579', []],
  ['full-width ；', 'Ab；13579', ['fullWidth']],
  ['full-width “”', 'Ab“13579”', ['fullWidth']],
  ['ascending digits 1234', 'Ab#1234x', ['sequence']],
  ['descending digits 4321', 'Ab#4321x', ['sequence']],
  ['ascending letters abcd', 'Qz#abcd9', ['sequence']],
  ['upper-case ABCD', 'qz#ABCD9', ['sequence']],
  ['descending letters dcba', 'Qz#dcba9', ['sequence']],
  ['harmless 1357', 'Ab#1357x', []],
  ['three in a row 123 is harmless', 'Ab#123xz', []],
  ['contains the username', 'Jarmyy001#Q', ['username']],
  ['contains part of the username only', 'Jarmy#0019', []],
];

describe.each(testDatabases())('password policy of the guide, through HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let client: HttpClient;
  const change = (newPassword: string, confirmPassword: string, oldPassword = 'Zjrj@-2007') =>
    client.post('/api/auth/password', { oldPassword, newPassword, confirmPassword });

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.login('jarmyy001', 'Zjrj@-2007');
  });

  it.each(guideCases)('%s', async (_title, password, rules) => {
    const response = await change(password, `${password}-other`);
    expect(response.status).toBe(422);
    expect(rulesOf(response.body)).toEqual([...rules, 'confirm'].sort());
    expect(response.body.errors.every((e: { code: string; message: string }) => e.code === 'PASSWORD_POLICY' && /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
  });

  it('counts characters, not bytes (a Chinese character is one)', async () => {
    expect(rulesOf((await change('Ab#1中文字x', 'x')).body)).toEqual(['confirm', 'forbiddenChar']);
  });

  it('refuses the default password and the last passwords, accepts a new one', async () => {
    expect(rulesOf((await change('Zjrj@-2007', 'Zjrj@-2007')).body)).toEqual(['default', 'reuse']);
    expect((await change('Hosp#2024!x', 'Hosp#2024!x')).status).toBe(200);
    expect(rulesOf((await change('Hosp#2024!x', 'Hosp#2024!x', 'Hosp#2024!x')).body)).toEqual(['reuse']);
    expect((await change('Ward#7593!y', 'Ward#7593!y', 'Hosp#2024!x')).status).toBe(200);
    expect(rulesOf((await change('Hosp#2024!x', 'Hosp#2024!x', 'Ward#7593!y')).body)).toEqual(['reuse']);
  });

  it('describes the rules in force for the password pages', async () => {
    const response = await client.get('/api/auth/password-policy');
    expect(response.body).toMatchObject({ key: 'password-guide', lockout: { maxFailures: 5, lockMinutes: 30 } });
    expect(response.body.rules.join('；')).toContain('特殊字符只能使用');
  });
});

const nistCases: Array<[string, string, string[]]> = [
  ['a passphrase without composition rules', 'correct horse battery staple', []],
  ['lower case only, 8 characters', 'qzmwxkvy', []],
  ['sequences are not refused', 'ward1234building', []],
  ['a common password', 'password123', ['blocklist']],
  ['a common password in other case', 'Password1', ['blocklist']],
  ['a word of this service', 'my-zjrj-secret', ['context']],
  ['7 characters', 'qzmwxkv', ['minLength']],
  ['128 characters', 'q'.repeat(128), []],
  ['129 characters', 'q'.repeat(129), ['maxLength']],
  ['full-width punctuation is still refused', '病区，第七号房间', ['fullWidth']],
];

describe.each(testDatabases())('NIST SP 800-63B preset (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, { passwordPolicy: 'password-nist' });
  let client: HttpClient;

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.login('jazxyy001', 'Zjrj@-2007');
  });

  it.each(nistCases)('%s', async (_title, password, rules) => {
    const response = await client.post('/api/auth/password', { oldPassword: 'Zjrj@-2007', newPassword: password, confirmPassword: `${password}x` });
    expect(rulesOf(response.body)).toEqual([...rules, 'confirm'].sort());
  });
});
