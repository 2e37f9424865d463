import { createContext, useContext } from 'react';
import { RuntimeApi, type ApiError } from '../api';

type Listener = (error: ApiError, path: string) => void;

/** The app's long-lived services: the API client and listeners of its failed calls. */
export interface AppServices {
  api: RuntimeApi;
  onApiError(listener: Listener): () => void;
}

export function createAppServices(baseUrl = ''): AppServices {
  const listeners = new Set<Listener>();
  const api = new RuntimeApi({ baseUrl, onError: (error, path) => listeners.forEach((l) => l(error, path)) });
  return {
    api,
    onApiError(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}

export const AppServicesContext = createContext<AppServices | undefined>(undefined);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesContext');
  return services;
}
