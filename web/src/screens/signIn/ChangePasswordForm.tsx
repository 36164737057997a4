import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { changePassword, fetchMe, isUnauthenticated, type Me } from '../../api.ts';
import { describeError } from '../../components/common.tsx';
import { useI18n } from '../../i18n.ts';

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

  const submit = () => {
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

  const field = (id: string, label: string, autoComplete: string, value: string, set: (v: string) => void, autoFocus = false) => (
    <Form.Item label={label} htmlFor={id}>
      <Input.Password id={id} data-testid={id} autoComplete={autoComplete} autoFocus={autoFocus} value={value} onChange={(event) => set(event.target.value)} />
    </Form.Item>
  );

  return (
    <Form layout="vertical" className="auth-form" onFinish={submit} data-testid="change-password-form" requiredMark={false}>
      {field('password-old', t('password.old'), 'current-password', oldPassword, setOldPassword, true)}
      {field('password-new', t('password.new'), 'new-password', newPassword, setNewPassword)}
      {field('password-repeat', t('password.repeat'), 'new-password', repeated, setRepeated)}
      {problem && (
        <Alert type="error" showIcon className="auth-alert" role="alert" data-testid="change-password-error" data-code={problem.code ?? undefined} title={problem.message} />
      )}
      <Button type="primary" htmlType="submit" block data-testid="password-submit" loading={busy}>
        {busy ? t('password.submitting') : t('password.submit')}
      </Button>
    </Form>
  );
}
