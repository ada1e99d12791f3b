// Entry point of the renderer: ask for the route's heavy data, tidy the URL, pick the theme for
// the first frame, mount the app. earlyStart comes first: modules run in the order they are
// imported, so its call is made before the rest of the app's code has run.
import './earlyStart';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './components/components.css';
import { App } from './app/App';
import { removeTokenFromAddressBar } from './app/addressBarToken';
import { ErrorBoundary } from './app/ErrorBoundary';
import { createQueryClient } from './app/queryClient';
import { applyTheme, rememberedTheme } from './features/settings/applyTheme';

removeTokenFromAddressBar();
applyTheme(rememberedTheme());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
