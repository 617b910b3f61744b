import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigation } from './nav';
import { hasRole, signInUrl, signOut, useUser, userQueryKey } from '../shared/session/session';
import { onSessionExpired } from '../shared/session/expiry';
import { LanguageSwitch } from './LanguageSwitch';
import { OfflineBanner, OfflineSession, QueueIndicator } from '../shared/offline/OfflineStatus';
import { useQueue } from '../shared/offline/useOffline';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const queries = useQueryClient();
  const location = useLocation();
  const [expired, setExpired] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const unsent = useQueue(user.data?.id).data?.length ?? 0;

  useEffect(() => onSessionExpired(() => setExpired(true)), []);
  // While an anonymous visitor reads the landing page or types their password, the pages people land on after signing
  // in are fetched: on a slow link, signing in then waits for data only, not for code.
  useEffect(() => {
    if (user.data !== null) return;
    const timer = setTimeout(() => {
      void import('../features/dashboard/DashboardPage');
      void import('../features/admin/home/AdminHomePage');
      void import('../features/national/HomePage');
      void import('../features/work/MyWorkPage');
    }, 300);
    return () => clearTimeout(timer);
  }, [user.data]);
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const items = navigation.filter((item) => hasRole(user.data, ...item.roles));
  const here = location.pathname + location.search;

  async function leave() {
    await signOut().catch(() => undefined);
    // The runtime caches hold this person's data (who they are, their producers): a reload must not show them.
    await (await import('../shared/offline/personalData')).forgetOnSignOut(user.data?.id);
    queries.clear();
    queries.setQueryData(userQueryKey, null);
    window.location.assign('/');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-row">
          <NavLink to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Redes Plataforma</span>
          </NavLink>
          <div className="header-tools">
            <LanguageSwitch />
            {user.data ? (
              <button type="button" className="button secondary small" onClick={() => (unsent > 0 ? setConfirmLeave(true) : void leave())}>
                {t('layout.signOut')}
              </button>
            ) : (
              !user.isPending && (
                <a className="button small" href={signInUrl(here === '/' ? '/' : here, i18n.language)}>
                  {t('layout.signIn')}
                </a>
              )
            )}
          </div>
        </div>
        {user.data && (
          <div className="header-row identity">
            <span>
              {user.data.name}
              {user.data.tenant && <> · {user.data.tenant.name}</>}
            </span>
            <QueueIndicator />
            {items.length > 0 && (
              <button
                type="button"
                className="menu-toggle button secondary small"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                {t('layout.menu')}
              </button>
            )}
          </div>
        )}
        {items.length > 0 && (
          <nav id="main-nav" aria-label={t('layout.mainNavigation')} className={menuOpen ? 'main-nav open' : 'main-nav'}>
            <ul>
              {items.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} end={item.path === '/nacional'}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <OfflineSession />
      <OfflineBanner />
      {expired && user.data && (
        <div className="alert alert-info session-expired" role="alert">
          <p>{t('layout.sessionExpired')}</p>
          <a className="button" href={signInUrl(here, i18n.language)}>
            {t('layout.signInAgain')}
          </a>
        </div>
      )}
      <main id="main">
        <Outlet />
      </main>
      {confirmLeave && (
        <ConfirmDialog
          title={t('signOut.title', { ns: 'offline' })}
          confirmLabel={t('signOut.confirm', { ns: 'offline' })}
          onConfirm={leave}
          onClose={() => setConfirmLeave(false)}
        >
          <p>{t('signOut.body', { ns: 'offline', count: unsent })}</p>
        </ConfirmDialog>
      )}
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
