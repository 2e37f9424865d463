import type { DefinitionProblem } from '@zjrj/engine/contract';
import type { ComponentType } from 'react';
import type { DesignerApi } from '../../api/DesignerApi';
import type { DiagramElement, ElementRegistry, ModelerServices } from '../modeler/services';

/** What each section of the properties panel gets. */
export interface SectionProps {
  element: DiagramElement;
  /** Absent when the process is read-only. */
  services: ModelerServices | undefined;
  registry: ElementRegistry;
  /** The problems the engine reported for this element. */
  problems: DefinitionProblem[];
  api: DesignerApi;
}

export type Section = ComponentType<SectionProps>;
