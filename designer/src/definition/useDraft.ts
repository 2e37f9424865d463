import type { DefinitionDetail, DefinitionProblem } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesignerApi } from '../api/DesignerApi';
import { unsavedBackup } from './unsavedBackup';

type Content = Record<string, unknown>;
export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

export interface DraftControl {
  detail: DefinitionDetail | undefined;
  loadError: string | undefined;
  /** The working copy: the draft, else the version in force. */
  content: Content | undefined;
  problems: DefinitionProblem[];
  saveState: SaveState;
  saveError: string | undefined;
  /** Input kept in this browser that never reached the server (e.g. the session expired while typing). */
  unsaved: Content | undefined;
  restoreUnsaved(): void;
  dropUnsaved(): void;
  change(content: Content): void;
  /** Saves what is pending now (before publishing, diffing, leaving). */
  flush(): Promise<void>;
  reload(): Promise<void>;
}

const AUTOSAVE_MS = 800;

/**
 * A definition's detail and its draft, saved automatically a moment after each change (PUT …/draft
 * keeps even invalid content, so nothing typed is lost); the answer's problems are kept for display.
 */
export function useDraft(api: DesignerApi, kind: string, key: string): DraftControl {
  const [detail, setDetail] = useState<DefinitionDetail>();
  const [loadError, setLoadError] = useState<string>();
  const [content, setContent] = useState<Content>();
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string>();
  const [unsaved, setUnsaved] = useState<Content>();
  const pending = useRef<Content | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const detailRef = useRef<DefinitionDetail | undefined>(undefined);
  detailRef.current = detail;

  const reload = useCallback(async () => {
    try {
      const loaded = await api.get(kind, key);
      setDetail(loaded);
      // Read-only viewers see what is in force, not someone's unpublished draft (and may not validate it).
      const working = loaded.editable ? loaded.draft?.content ?? loaded.inForce?.content : loaded.inForce?.content ?? loaded.draft?.content;
      setContent(working);
      setUnsaved(unsavedBackup.read(kind, key, working));
      setLoadError(undefined);
      if (loaded.draft && loaded.editable) setProblems(await api.validate(loaded.draft.content));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [api, kind, key]);

  useEffect(() => { void reload(); }, [reload]);

  const save = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    if (!next) return inFlight.current;
    pending.current = undefined;
    const basedOn = detailRef.current?.draft?.basedOn ?? detailRef.current?.inForce?.version ?? null;
    inFlight.current = inFlight.current.then(async () => {
      setSaveState('saving');
      try {
        const saved = await api.saveDraft(kind, key, next, basedOn);
        setProblems(saved.problems);
        setDetail((d) => (d ? { ...d, draft: saved.draft } : d));
        setSaveError(undefined);
        if (!pending.current) unsavedBackup.clear(kind, key);
        setSaveState(pending.current ? 'dirty' : 'saved');
      } catch (e) {
        pending.current ??= next; // kept: the next change or flush tries again
        setSaveError(errorMessage(e));
        setSaveState('failed');
      }
    });
    return inFlight.current;
  }, [api, kind, key]);

  const change = useCallback((next: Content) => {
    setContent(next);
    pending.current = next;
    unsavedBackup.keep(kind, key, next);
    setSaveState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => { void save(); }, AUTOSAVE_MS);
  }, [save, kind, key]);

  // Leaving the page with unsaved input: save it now, and let the browser warn on a closing tab.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => { if (pending.current) event.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => { window.removeEventListener('beforeunload', warn); void save(); };
  }, [save]);

  const restoreUnsaved = useCallback(() => {
    if (unsaved) change(unsaved);
    setUnsaved(undefined);
  }, [unsaved, change]);
  const dropUnsaved = useCallback(() => {
    unsavedBackup.clear(kind, key);
    setUnsaved(undefined);
  }, [kind, key]);

  return { detail, loadError, content, problems, saveState, saveError, unsaved, restoreUnsaved, dropUnsaved, change, flush: save, reload };
}
