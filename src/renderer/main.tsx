import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n, localeFromLanguages } from './i18n';

// The saved language (if any) replaces this first guess as soon as settings arrive.
initI18n(localeFromLanguages(navigator.languages));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
