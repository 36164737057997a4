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

/** Why the password page shows: the account requires a new one before any work, or the user chose it from the menu. */
type PasswordOccasion = 'required' | 'chosen';

const passwordPage = {
  required: { testId: 'change-password-screen', intro: 'password.required', leave: 'account.signOut', leaveTestId: undefined },
  chosen: { testId: 'account-password-screen', intro: 'password.voluntary', leave: 'reason.cancel', leaveTestId: 'password-cancel' },
} as const;

export interface ChangePasswordScreenProps {
  occasion: PasswordOccasion;
  onChanged: (me: Me) => void;
  onSessionEnded: () => void;
  /** required: sign out; chosen: back to where the user was. */
  onLeave: () => void;
}

/** The password change: required (first sign-in, reset) before any work, or 修改密码 from the account menu (paths.changePassword()). */
export function ChangePasswordScreen({ occasion, onChanged, onSessionEnded, onLeave }: ChangePasswordScreenProps) {
  const { t } = useI18n();
  const page = passwordPage[occasion];
  return (
    <main className="auth-page">
      <Card className="auth-card" aria-labelledby={`${page.testId}-title`} data-testid={page.testId}>
        <Typography.Title level={3} id={`${page.testId}-title`}>
          {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(page.intro)}</Typography.Paragraph>
        <ChangePasswordForm onChanged={onChanged} onSessionEnded={onSessionEnded} />
        <Button type="link" className="auth-secondary" data-testid={page.leaveTestId} onClick={onLeave}>
          {t(page.leave)}
        </Button>
      </Card>
    </main>
  );
}
