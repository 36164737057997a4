import { Alert, Button, Card, Typography } from 'antd';
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
      <Card className="auth-card" aria-labelledby="sign-in-title" data-testid="sign-in-screen">
        <Typography.Title level={3} id="sign-in-title">
          {t('signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {notice && (
          <Alert
            type={notice === 'expired' ? 'warning' : 'info'}
            showIcon
            className="auth-alert"
            role="status"
            data-testid="sign-in-notice"
            title={t(notice === 'expired' ? 'signIn.notice.expired' : 'signIn.notice.signedOut')}
          />
        )}
        <SignInForm onSignedIn={onSignedIn} />
      </Card>
    </main>
  );
}

export interface ChangePasswordScreenProps {
  onChanged: (me: Me) => void;
  onSessionEnded: () => void;
  onSignOut: () => void;
}

/** The password change the account requires before any work (first sign-in, reset). */
export function ChangePasswordScreen({ onChanged, onSessionEnded, onSignOut }: ChangePasswordScreenProps) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <Card className="auth-card" aria-labelledby="change-password-title" data-testid="change-password-screen">
        <Typography.Title level={3} id="change-password-title">
          {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.required')}</Typography.Paragraph>
        <ChangePasswordForm onChanged={onChanged} onSessionEnded={onSessionEnded} />
        <Button type="link" className="auth-secondary" onClick={onSignOut}>
          {t('account.signOut')}
        </Button>
      </Card>
    </main>
  );
}

export interface AccountPasswordScreenProps {
  onChanged: (me: Me) => void;
  onSessionEnded: () => void;
  onCancel: () => void;
}

/** 修改密码 chosen from the account menu (paths.changePassword()): the same form, and a way back. */
export function AccountPasswordScreen({ onChanged, onSessionEnded, onCancel }: AccountPasswordScreenProps) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <Card className="auth-card" aria-labelledby="account-password-title" data-testid="account-password-screen">
        <Typography.Title level={3} id="account-password-title">
          {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.voluntary')}</Typography.Paragraph>
        <ChangePasswordForm onChanged={onChanged} onSessionEnded={onSessionEnded} />
        <Button type="link" className="auth-secondary" data-testid="password-cancel" onClick={onCancel}>
          {t('reason.cancel')}
        </Button>
      </Card>
    </main>
  );
}
