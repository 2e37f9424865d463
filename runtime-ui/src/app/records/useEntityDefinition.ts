import { useEffect, useState } from 'react';
import { errorMessage, type EntityDefinition } from '../../lib';
import { useAppServices } from '../AppServices';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/** The published definition of an entity. */
export function useEntityDefinition(entity: string): Loadable<EntityDefinition> {
  const { api } = useAppServices();
  const [state, setState] = useState<Loadable<EntityDefinition>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.entity(entity).then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (e: unknown) => { if (live) setState({ status: 'failed', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [api, entity]);
  return state;
}
