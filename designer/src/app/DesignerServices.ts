import { createContext, useContext } from 'react';
import { RuntimeApi } from '@zjrj/runtime-ui';
import { DesignerApi } from '../api/DesignerApi';
import { loginUrl } from './useDesignerAccess';

/** The designer's API clients: the runtime's (session, CSRF) and the designer's, sharing one HttpClient. */
export interface DesignerServices {
  runtime: RuntimeApi;
  designer: DesignerApi;
}

/** An expired session sends the user to log in and back here (unsaved input is kept in the browser meanwhile). */
export function createDesignerServices(baseUrl = ''): DesignerServices {
  const runtime = new RuntimeApi({
    baseUrl,
    onError: (error, path) => {
      if (error.status === 401 && !path.startsWith('/api/auth/')) window.location.assign(loginUrl(window.location));
    },
  });
  return { runtime, designer: new DesignerApi(runtime.http) };
}

export const DesignerServicesContext = createContext<DesignerServices | undefined>(undefined);

export function useDesignerServices(): DesignerServices {
  const services = useContext(DesignerServicesContext);
  if (!services) throw new Error('useDesignerServices outside DesignerServicesContext');
  return services;
}
