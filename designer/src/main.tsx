import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DesignerApp } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DesignerApp />
  </StrictMode>,
);
