import { createRoot } from 'react-dom/client';
import { App } from './App';

// A tab opened before a deployment asks for screen chunks that the new build no longer has (their
// names carry a content hash): load the new build instead, at most once a minute so that a chunk
// that is really missing shows react-admin's error page rather than reloading forever.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('panel.reloadedForChunks') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('panel.reloadedForChunks', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

createRoot(document.getElementById('root')!).render(<App />);
