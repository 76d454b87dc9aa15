import 'dkfds/dist/css/dkfds.min.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/routes';
import { SessionProvider } from './app/session';
import { StepUpDialogHost } from './screens/sign-in/StepUpDialog';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
        <StepUpDialogHost />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
