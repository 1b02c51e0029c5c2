import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// The fonts a transcript needs, bundled (served from the app itself, so font-src
// 'self' holds): Latin and more, Arabic script (Naskh) and Urdu (Nastaliq), emoji.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-nastaliq-urdu/400.css';
import '@fontsource/noto-color-emoji/400.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
