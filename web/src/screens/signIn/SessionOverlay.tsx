import { Button, Card, Typography } from 'antd';
import type { Me } from '../../api.ts';
import { useI18n } from '../../i18n.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SignInForm } from './SignInForm.tsx';

export interface SessionOverlayProps {
  kind: 'signIn' | 'changePassword';
  me: Me;
  onSignedIn: (me: Me) => void;
  onPasswordChanged: (me: Me) => void;
  onSessionEnded: () => void;
  /** Give up the kept work and go to the plain sign-in page (another user, or done for the day). */
  onLeave: () => void;
}

/**
 * Covers the work when the session ends mid-way, without unmounting it: the search text, the
 * chosen entity and the network stay as they were, and the requests that met the ended session
 * go out again once the same user has signed in. Not an antd Modal: a Modal locks the page's
 * scrolling with a <style> element of its own that carries no CSP nonce.
 */
export function SessionOverlay({ kind, me, onSignedIn, onPasswordChanged, onSessionEnded, onLeave }: SessionOverlayProps) {
  const { t } = useI18n();
  return (
    <div className="overlay-backdrop">
      <Card
        className="auth-card overlay-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="overlay-title"
        data-testid={kind === 'signIn' ? 'session-overlay' : 'password-overlay'}
      >
        {kind === 'signIn' ? (
          <>
            <Typography.Title level={4} id="overlay-title">
              {t('overlay.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('overlay.text')}</Typography.Paragraph>
            <SignInForm fixedName={me.user.name} onSignedIn={onSignedIn} />
          </>
        ) : (
          <>
            <Typography.Title level={4} id="overlay-title">
              {t('password.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('password.required')}</Typography.Paragraph>
            <ChangePasswordForm onChanged={onPasswordChanged} onSessionEnded={onSessionEnded} />
          </>
        )}
        <Button type="link" className="auth-secondary" data-testid="overlay-leave" onClick={onLeave}>
          {kind === 'signIn' ? t('overlay.otherUser') : t('account.signOut')}
        </Button>
      </Card>
    </div>
  );
}
