import type { Me } from '../../api.ts';
import { useI18n } from '../../i18n.ts';
import type { SignedOutNotice } from '../../session/sessionState.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SignInForm } from './SignInForm.tsx';

/** The page before any work: sign in, or set a new password the account requires first. */
export function SignInScreen({ notice, onSignedIn }: { notice: SignedOutNotice | null; onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="sign-in-title" data-testid="sign-in-screen">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        {notice && (
          <div className="notice notice-warn" role="status" data-testid="sign-in-notice">
            {t(notice === 'expired' ? 'signIn.notice.expired' : 'signIn.notice.signedOut')}
          </div>
        )}
        <SignInForm onSignedIn={onSignedIn} />
      </section>
    </main>
  );
}

export interface ChangePasswordScreenProps {
  onChanged: (me: Me) => void;
  onSessionEnded: () => void;
  onSignOut: () => void;
}

export function ChangePasswordScreen({ onChanged, onSessionEnded, onSignOut }: ChangePasswordScreenProps) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="change-password-title" data-testid="change-password-screen">
        <h1 id="change-password-title">{t('password.title')}</h1>
        <p className="muted">{t('password.required')}</p>
        <ChangePasswordForm onChanged={onChanged} onSessionEnded={onSessionEnded} />
        <button type="button" className="link-button auth-secondary" onClick={onSignOut}>
          {t('account.signOut')}
        </button>
      </section>
    </main>
  );
}
