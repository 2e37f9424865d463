import { createContext, type ReactNode } from 'react';
import type { FormSection } from './sections';

/**
 * What a page adds to a section's header, e.g. the 手机定位 button beside the coordinates. The
 * page provides it around the form; sections without extras show none.
 */
export type SectionExtras = (section: FormSection) => ReactNode;

export const SectionExtrasContext = createContext<SectionExtras | undefined>(undefined);
