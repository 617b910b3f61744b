import { useEffect } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { routes } from './routes';
import { useUser } from '../shared/session/session';
import { changeLanguage, type Language } from '../shared/i18n/i18n';
import { ProblemError } from '../shared/api/problem';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refused or missing resource will not change by asking again; a dropped connection may.
      retry: (count, error) => !(error instanceof ProblemError && error.problem.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter(routes);

/** The language kept on the account wins over this device's when someone signs in. */
function AccountLanguage() {
  const user = useUser();
  const { i18n } = useTranslation();
  const preferred = user.data?.language;
  useEffect(() => {
    if ((preferred === 'es' || preferred === 'en') && preferred !== i18n.language) void changeLanguage(preferred as Language);
  }, [preferred, i18n]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <AccountLanguage />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
