import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api';
import { App } from '../App';
import { taskEngine, type Reply } from '../tasks/tasksTestKit';

const session = (fields: Partial<Session> = {}): Session => ({
  user: { id: 'u1', username: 'sysadmin01', nickname: '系统管理员', orgId: 'o1', orgName: '湖北省卫生健康委员会', orgLevel: 'province',
    roles: ['system-admin'], roleNames: ['系统管理员'], permissions: [], realNameStatus: 'approved' },
  mustChangePassword: true, csrfToken: 't', twoFactor: { enabled: true, required: true }, ...fields,
});
const wrongCode: Reply = { status: 401, body: { errors: [{ code: 'INVALID_TWO_FACTOR_CODE', message: '验证码错误、已过期或已使用过。再输错 3 次，账号将被锁定。' }] } };

function showApp(handler: (url: string, body: unknown) => Reply | undefined) {
  const engine = taskEngine((request) => handler(request.url, request.body));
  render(<App services={engine.services} />);
  return engine;
}

async function typeInto(label: string, value: string) {
  fireEvent.change(await screen.findByLabelText(label), { target: { value } });
}

describe('two-factor login', () => {
  const twoFactorAccount = () => showApp((url, body) => {
    if (url === '/api/auth/me') return { status: 401, body: { errors: [{ code: 'UNAUTHENTICATED', message: '请先登录。' }] } };
    if (url === '/api/auth/login') return { status: 200, body: { twoFactorRequired: true } };
    if (url === '/api/auth/login/two-factor') return (body as { code: string }).code === '111111' ? wrongCode : { status: 200, body: session() };
    return undefined;
  });
  const passwordStep = async () => {
    await typeInto('账号', 'sysadmin01');
    await typeInto('密码', 'Hosp#2024!x');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
  };

  it('given an account with two-factor login, when the password is right, then it asks for the code and shows a wrong one', async () => {
    const engine = twoFactorAccount();
    await passwordStep();
    await typeInto('动态验证码', '111111');
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('再输错 3 次');
    expect(engine.sent.filter((s) => s.url === '/api/auth/login/two-factor').map((s) => s.body)).toEqual([{ code: '111111' }]);
  });

  it('given an account with two-factor login, when 使用恢复码 is chosen, then a recovery code completes the login', async () => {
    const engine = twoFactorAccount();
    await passwordStep();
    fireEvent.click(await screen.findByRole('button', { name: '使用恢复码' }));
    await typeInto('恢复码', 'abcde-fghjk');
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('首次登录或密码被重置后，请先修改密码，修改后才能使用系统功能。')).toBeTruthy();
    expect(engine.sent.filter((s) => s.url === '/api/auth/login/two-factor').map((s) => s.body)).toEqual([{ code: 'abcde-fghjk' }]);
  });

  it('given the policy requires a second factor not yet enrolled, then only the enrolment shows, ending with the recovery codes', async () => {
    let enabled = false;
    const engine = showApp((url) => {
      if (url === '/api/auth/me') return { status: 200, body: session({ mustChangePassword: false, twoFactor: { enabled, required: true } }) };
      if (url === '/api/auth/two-factor/setup') {
        return { status: 200, body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' } };
      }
      if (url === '/api/auth/two-factor/confirm') {
        enabled = true;
        return { status: 200, body: { recoveryCodes: ['abcde-fghjk', 'mnpqr-stuvw'] } };
      }
      return undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: '开始绑定' }));
    expect((await screen.findByTestId('two-factor-qr')).getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('two-factor-secret').textContent).toContain('JBSWY3DPEHPK3PXP');
    await typeInto('应用显示的 6 位验证码', '123456');
    fireEvent.click(screen.getByRole('button', { name: '验证并开启' }));
    expect((await screen.findByTestId('recovery-codes')).textContent).toContain('mnpqr-stuvw');
    expect(screen.getByRole('button', { name: /下载恢复码/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '我已保存恢复码，继续' }));
    await waitFor(() => expect(engine.count('GET', '/api/auth/me')).toBe(2));
    expect(engine.sent.find((s) => s.url === '/api/auth/two-factor/confirm')?.body).toEqual({ code: '123456' });
  });
});
