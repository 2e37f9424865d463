import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useMemo } from 'react';
import { AppServicesContext, createAppServices, type AppServices } from './AppServices';
import { MainLayout } from './layout';
import { LoginPage, returnPath } from './login';
import { PasswordChangePage } from './password';
import { RealNamePage } from './realName';
import { TwoFactorEnrolPage } from './twoFactor';
import { renderPublicRoute, renderRoute } from './routes';
import { usePath } from './router';
import { registerTaskForms } from './taskForms';
import { SessionProvider, useSession } from './session';

registerTaskForms();

const theme = { token: { colorPrimary: '#1f4e8c', colorLink: '#1f4e8c', borderRadius: 4 } };
const button = { autoInsertSpace: false };

/** Back to the app that sent the user to log in (the designer's `?next=`). */
function Return({ to }: { to: string }) {
  useEffect(() => { window.location.replace(to); }, [to]);
  return <Spin size="large" fullscreen />;
}

/** Which screen the session allows: login, password change, two-factor enrolment, real-name verification, or the app itself. */
function Gate() {
  const { state } = useSession();
  const path = usePath();
  if (state.status === 'loading') return <Spin size="large" fullscreen />;
  if (state.status === 'anonymous') return <LoginPage arrival={state} />;
  if (state.session.mustChangePassword) return <PasswordChangePage />;
  if (state.session.twoFactor?.required && !state.session.twoFactor.enabled) return <TwoFactorEnrolPage />;
  if (state.realNameBlocked || state.session.user.realNameStatus !== 'approved') return <RealNamePage />;
  const next = returnPath(window.location.search);
  if (next) return <Return to={next} />;
  return <MainLayout path={path} render={(menu) => renderRoute(path, menu)} />;
}

/** Public pages (no login, e.g. the phone's 手机定位 page) bypass the session; every other path goes through the gate. */
function Screens() {
  const path = usePath();
  const publicPage = renderPublicRoute(path);
  if (publicPage) return publicPage;
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** The runtime app: antd in Simplified Chinese, the session, and the screens. */
export function App({ services }: { services?: AppServices }) {
  const app = useMemo(() => services ?? createAppServices(), [services]);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={button}>
      <AntdApp>
        <AppServicesContext.Provider value={app}>
          <Screens />
        </AppServicesContext.Provider>
      </AntdApp>
    </ConfigProvider>
  );
}
