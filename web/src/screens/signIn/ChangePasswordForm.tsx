import { useState, type FormEvent } from 'react';
import { changePassword, fetchMe, isUnauthenticated, type Me } from '../../api.ts';
import { describeError } from '../../components/common.tsx';
import { useI18n } from '../../i18n.ts';
import { PasswordField } from './PasswordField.tsx';

export interface ChangePasswordFormProps {
  /** The password was changed; `me` is the session as it now is. */
  onChanged: (me: Me) => void;
  /** The session ended while the form was open: sign in first. */
  onSessionEnded: () => void;
}

/**
 * Old, new and repeated password. The policy (length, not the user name, not reused) is the
 * server's: its ACCOUNT_ERROR sentence says what to fix, so the rules are not copied here.
 */
export function ChangePasswordForm({ onChanged, onSessionEnded }: ChangePasswordFormProps) {
  const { t } = useI18n();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; code: string | null } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!oldPassword || !newPassword) {
      setProblem({ message: t('password.missing'), code: null });
      return;
    }
    if (newPassword !== repeated) {
      setProblem({ message: t('password.mismatch'), code: null });
      return;
    }
    setBusy(true);
    setProblem(null);
    changePassword(oldPassword, newPassword)
      .then(() => fetchMe())
      .then(
        (me) => {
          setBusy(false);
          if (me) onChanged(me);
          else onSessionEnded();
        },
        (error: unknown) => {
          setBusy(false);
          if (isUnauthenticated(error)) {
            onSessionEnded();
            return;
          }
          setProblem(describeError(error, t));
        },
      );
  };

  return (
    <form className="auth-form" onSubmit={submit} data-testid="change-password-form" noValidate>
      <PasswordField label={t('password.old')} testId="password-old" autoComplete="current-password" autoFocus value={oldPassword} onChange={setOldPassword} />
      <PasswordField label={t('password.new')} testId="password-new" autoComplete="new-password" value={newPassword} onChange={setNewPassword} />
      <PasswordField label={t('password.repeat')} testId="password-repeat" autoComplete="new-password" value={repeated} onChange={setRepeated} />
      {problem && (
        <div className="notice notice-error" role="alert" data-testid="change-password-error" data-code={problem.code ?? undefined}>
          <span className="notice-text">{problem.message}</span>
        </div>
      )}
      <button type="submit" className="primary" data-testid="password-submit" disabled={busy}>
        {busy ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
