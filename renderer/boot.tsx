import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';

/** Draws the app into the page's #root (loaded by main.tsx once the first read is on its way). */
export function mountApp(): void {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
