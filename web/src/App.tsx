import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { Outlet } from 'react-router';
import { fetchMe, sessionGate, signOut, type Me } from './api.ts';
import { AccountBar } from './components/AccountBar.tsx';
import { ErrorNotice } from './components/common.tsx';
import { htmlLang, I18nContext, loadLang, saveLang, translator, type I18n, type Lang } from './i18n.ts';
import { RolePage } from './screens/rolePage/RolePage.tsx';
import { SessionOverlay } from './screens/signIn/SessionOverlay.tsx';
import { ChangePasswordScreen, SignInScreen } from './screens/signIn/SignInScreen.tsx';
import { initialSession, sessionReducer, viewOf } from './session/sessionState.ts';
import { WorkspaceContext } from './session/workspace.ts';

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
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = htmlLang[lang];
    document.title = lang === 'zh' ? '穿透 · 企业关系穿透分析' : 'Chuantou 穿透 · look-through analysis';
  }, [lang]);

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

  const signedIn = useCallback((me: Me) => {
    dispatch({ type: 'signedIn', me });
    sessionGate.signedIn();
  }, []);

  const endHere = useCallback(() => {
    // Work waiting for a sign-in belonged to this user: it is dropped, never replayed for the next.
    sessionGate.abandon();
    dispatch({ type: 'signedOut' });
  }, []);

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

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app" inert={view.overlay != null}>
        <header className="app-header">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              穿
            </span>
            <span className="brand-name">{lang === 'zh' ? '穿透' : 'Chuantou 穿透'}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <div className="header-right">
            {me && (view.screen === 'workbench' || view.screen === 'rolePage') && (
              <AccountBar me={me} onMeChanged={(next) => dispatch({ type: 'meUpdated', me: next })} onSignOut={signOutFromHeader} />
            )}
            <button
              type="button"
              className="lang-toggle"
              data-testid="lang-toggle"
              title={t('lang.switchTitle')}
              onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {t('lang.switch')}
            </button>
          </div>
        </header>

        {view.screen === 'checking' && (
          <main className="auth-page">
            <p className="muted" role="status">
              {t('session.checking')}
            </p>
          </main>
        )}
        {session.status === 'unreachable' && (
          <main className="auth-page">
            <section className="auth-card">
              <h1>{t('session.unreachable')}</h1>
              <ErrorNotice error={session.error} onRetry={() => dispatch({ type: 'recheck' })} />
            </section>
          </main>
        )}
        {session.status === 'signedOut' && <SignInScreen notice={session.notice} onSignedIn={signedIn} />}
        {view.screen === 'changePassword' && (
          <ChangePasswordScreen
            onChanged={(next) => dispatch({ type: 'passwordChanged', me: next })}
            onSessionEnded={() => dispatch({ type: 'expired' })}
            onSignOut={leave}
          />
        )}
        {session.status === 'signedIn' && view.screen === 'workbench' && (
          <WorkspaceContext.Provider value={{ me: session.me, workspace: session.workspace }}>
            <Outlet key={session.workspace} />
          </WorkspaceContext.Provider>
        )}
        {me && view.screen === 'rolePage' && <RolePage me={me} />}
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
    </I18nContext.Provider>
  );
}
