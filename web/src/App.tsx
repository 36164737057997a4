import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Card, Layout, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { fetchMe, sessionGate, signOut, type Me, type Role } from './api.ts';
import { ErrorNotice } from './components/common.tsx';
import { htmlLang, I18nContext, loadLang, saveLang, translator, useI18n, type I18n, type Lang } from './i18n.ts';
import { paths } from './paths.ts';
import { SessionOverlay } from './screens/signIn/SessionOverlay.tsx';
import { ChangePasswordScreen, SignInScreen } from './screens/signIn/SignInScreen.tsx';
import { recentWorkUser } from './session/recentWork.ts';
import { initialSession, sessionReducer, viewOf } from './session/sessionState.ts';
import { WorkspaceContext } from './session/workspace.ts';
import { homeOf, isAccessHandle, mayOpen } from './shell/access.ts';
import { AccountMenu } from './shell/AccountMenu.tsx';
import { AntdProvider } from './shell/AntdProvider.tsx';
import { AppHeader } from './shell/AppHeader.tsx';
import { Forbidden } from './shell/Forbidden.tsx';
import { searchBoxId, typedIntoField } from './shell/keyboard.ts';

/**
 * The shell: language, the session, and which screen shows. Asks the server who is signed in on
 * load; a session that ends mid-work brings the sign-in form over the work (SessionOverlay)
 * instead of replacing it, so nothing the user was doing is lost.
 */
export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        saveLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = htmlLang[lang];
    document.title = lang === 'zh' ? '穿透 · 企业关系穿透分析' : 'Chuantou 穿透 · look-through analysis';
  }, [lang]);

  return (
    <I18nContext.Provider value={i18n}>
      <AntdProvider lang={lang}>
        <Shell />
      </AntdProvider>
    </I18nContext.Provider>
  );
}

function Shell() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [session, dispatch] = useReducer(sessionReducer, initialSession);

  useEffect(() => {
    if (session.status !== 'checking') return;
    let current = true;
    fetchMe().then(
      (me) => current && dispatch({ type: 'checked', me }),
      (error: unknown) => current && dispatch({ type: 'checkFailed', error }),
    );
    return () => {
      current = false;
    };
  }, [session.status]);

  // A request answered UNAUTHENTICATED parks in the gate; the overlay asks for the sign-in it waits for.
  useEffect(
    () =>
      sessionGate.subscribe(() => {
        if (sessionGate.expired) dispatch({ type: 'expired' });
      }),
    [],
  );

  // Signing in lands the user on their work: an address their role may not open (left by the
  // previous user, or an old link) gives way to the role's home instead of the 403 page.
  const matches = useMatches();
  const leaf = matches[matches.length - 1];
  const leafAccess = isAccessHandle(leaf?.handle) ? leaf.handle.access : null;
  const signedIn = useCallback(
    (me: Me) => {
      dispatch({ type: 'signedIn', me });
      sessionGate.signedIn();
      if (leafAccess && !leafAccess.includes(me.user.role)) navigate(homeOf(me.user.role), { replace: true });
    },
    [leafAccess, navigate],
  );

  const endHere = useCallback(() => {
    // Work waiting for a sign-in belonged to this user: it is dropped, never replayed for the next;
    // so are the answers cached for them (the next user may see less).
    sessionGate.abandon();
    queryClient.clear();
    dispatch({ type: 'signedOut' });
  }, [queryClient]);

  // From the header: if the server did not end the session, say so and stay (the cookie still works).
  const signOutFromHeader = useCallback(async () => {
    await signOut();
    endHere();
  }, [endHere]);

  // From a sign-in or password form: the user is leaving either way.
  const leave = useCallback(() => {
    signOut()
      .catch(() => undefined)
      .finally(endHere);
  }, [endHere]);

  const view = viewOf(session);
  const me = session.status === 'signedIn' ? session.me : null;
  const working = me != null && view.screen === 'workbench';
  const onPasswordPage = location.pathname === paths.changePassword();

  // Recent work is kept per user: the screens record into the signed-in user's list only.
  recentWorkUser(me?.user.name ?? null);

  // '/' focuses the search box from any screen (on another screen it goes home, whose box takes focus),
  // for the roles that have the search.
  const searches = me != null && mayOpen(me.user.role, '/');
  useEffect(() => {
    if (view.screen !== 'workbench' || view.overlay || !searches) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typedIntoField(event.target)) return;
      event.preventDefault();
      const box = document.getElementById(searchBoxId);
      if (box) box.focus();
      else navigate(paths.home());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.screen, view.overlay, searches, navigate]);

  return (
    <>
      <div className="app" inert={view.overlay != null}>
        <Layout className="app-layout">
          <AppHeader
            role={view.screen === 'workbench' && me ? me.user.role : null}
            account={
              working && me ? (
                <AccountMenu
                  me={me}
                  onMeChanged={(next) => dispatch({ type: 'meUpdated', me: next })}
                  onSignOut={signOutFromHeader}
                />
              ) : null
            }
          />
          <Layout.Content className="app-content">
            {view.screen === 'checking' && (
              <main className="auth-page" role="status">
                <Spin tip={t('session.checking')}>
                  <div className="spin-space" />
                </Spin>
              </main>
            )}
            {session.status === 'unreachable' && (
              <main className="auth-page">
                <Card className="auth-card" title={t('session.unreachable')}>
                  <ErrorNotice error={session.error} onRetry={() => dispatch({ type: 'recheck' })} />
                </Card>
              </main>
            )}
            {session.status === 'signedOut' && <SignInScreen notice={session.notice} onSignedIn={signedIn} />}
            {view.screen === 'changePassword' && (
              <ChangePasswordScreen
                occasion="required"
                onChanged={(next) => dispatch({ type: 'passwordChanged', me: next })}
                onSessionEnded={() => dispatch({ type: 'expired' })}
                onLeave={leave}
              />
            )}
            {working && me && onPasswordPage && (
              <ChangePasswordScreen
                occasion="chosen"
                onChanged={(next) => {
                  dispatch({ type: 'meUpdated', me: next });
                  void message.success(t('password.changed'));
                  navigate(homeOf(next.user.role));
                }}
                onSessionEnded={() => dispatch({ type: 'expired' })}
                onLeave={() => navigate(-1)}
              />
            )}
            {session.status === 'signedIn' && view.screen === 'workbench' && !onPasswordPage && (
              <WorkspaceContext.Provider value={{ me: session.me, workspace: session.workspace }}>
                <RoleGate role={session.me.user.role}>
                  <Outlet key={session.workspace} />
                </RoleGate>
              </WorkspaceContext.Provider>
            )}
          </Layout.Content>
        </Layout>
      </div>

      {me && view.overlay && (
        <SessionOverlay
          kind={view.overlay}
          me={me}
          onSignedIn={signedIn}
          onPasswordChanged={(next) => dispatch({ type: 'passwordChanged', me: next })}
          onSessionEnded={() => dispatch({ type: 'expired' })}
          onLeave={leave}
        />
      )}
    </>
  );
}

/**
 * The screen of the address if the role may open it (shell/access.ts, attached to each route by
 * routes.tsx); the 403 page otherwise. The bare address '/' takes a role without the search to
 * its own start instead, so signing in lands every role on its work.
 */
function RoleGate({ role, children }: { role: Role; children: ReactNode }) {
  const matches = useMatches();
  const route = matches[matches.length - 1];
  const access = isAccessHandle(route?.handle) ? route.handle.access : [];
  if (access.includes(role)) return children;
  if (route?.pathname === paths.home() && homeOf(role) !== paths.home()) return <Navigate to={homeOf(role)} replace />;
  return <Forbidden role={role} />;
}
