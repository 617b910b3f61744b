import { useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { routes } from './routes';
import { useUser } from '../shared/session/session';
import { changeLanguage, type Language } from '../shared/i18n/i18n';
import { queryClient } from './queryClient';

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
    <QueryClientProvider client={queryClient}>
      <AccountLanguage />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
