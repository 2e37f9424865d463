import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { SessionProvider, useSession } from '../session';
import { taskEngine } from '../tasks/tasksTestKit';
import { TwoFactorSettings } from './TwoFactorSettings';

const session = { user: { id: 'u1', username: 'jarmyy001', nickname: '江岸区人民医院', orgId: 'o1', orgName: '江岸区人民医院', orgLevel: 'institution',
  roles: ['main'], roleNames: ['总账号'], permissions: [], realNameStatus: 'approved' }, mustChangePassword: false, csrfToken: 't',
  twoFactor: { enabled: true, required: false } };

describe('个人中心 › 双因素认证', () => {
  it('given it is on and not required, when it is switched off with the password and a code, then the status shows it off', async () => {
    let enabled = true;
    const engine = taskEngine((request) => {
      if (request.url === '/api/auth/me') return { status: 200, body: session };
      if (request.url === '/api/auth/two-factor') return { status: 200, body: { enabled, pending: false, required: false, recoveryCodesLeft: enabled ? 9 : 0 } };
      if (request.url === '/api/auth/two-factor/disable') {
        enabled = false;
        return { status: 200, body: { ok: true } };
      }
      return undefined;
    });
    const Wrapper = engine.wrapper;
    render(<Wrapper><SessionProvider><Settings /></SessionProvider></Wrapper>);
    expect(await screen.findByText(/剩余未使用的恢复码：9 个/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭双因素认证' }));
    fireEvent.change(await screen.findByLabelText('登录密码'), { target: { value: 'Hosp#2024!x' } });
    fireEvent.change(screen.getByLabelText('动态验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '确认关闭' }));
    expect(await screen.findByRole('button', { name: '开启双因素认证' })).toBeTruthy();
    await waitFor(() => expect(engine.sent.find((s) => s.url === '/api/auth/two-factor/disable')?.body)
      .toEqual({ password: 'Hosp#2024!x', code: '123456' }));
  });
});

/** The settings need an active session, as on the profile page. */
function Settings() {
  return <SessionGate><TwoFactorSettings /></SessionGate>;
}

function SessionGate({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'active' ? children : null;
}
