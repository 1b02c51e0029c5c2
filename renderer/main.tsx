import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// The fonts a transcript needs, bundled (served from the app itself, so font-src
// 'self' holds): Latin and more, Arabic script (Naskh) and Urdu (Nastaliq), emoji.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-nastaliq-urdu/400.css';
// Emoji: the whole font in one file. The split files of 400.css (woff2 subsets by
// unicode-range) load but Chromium draws their colour (COLRv1) glyphs blank; the
// same glyphs from the one-file woff2, or the subsets as woff, draw (tests/e2e/emoji.e2e.ts).
import '@fontsource/noto-color-emoji/emoji.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
