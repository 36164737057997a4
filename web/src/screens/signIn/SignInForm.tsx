import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { signIn, type Me } from '../../api.ts';
import { describeError } from '../../components/common.tsx';
import { formatDateTime, useI18n } from '../../i18n.ts';

export interface SignInFormProps {
  /** Signing in again after the session ended: the same user, or the kept work would change hands. */
  fixedName?: string;
  onSignedIn: (me: Me) => void;
}

type Failure = { message: string; lockedUntil: string | null; code: string | null };

export function SignInForm({ fixedName, onSignedIn }: SignInFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(fixedName ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const passwordInput = useRef<InputRef>(null);

  const submit = () => {
    if (busy) return;
    if (!name.trim() || !password) {
      setFailure({ message: t('signIn.missing'), lockedUntil: null, code: null });
      return;
    }
    setBusy(true);
    setFailure(null);
    signIn(name.trim(), password).then(
      (result) => {
        setBusy(false);
        if (result.ok) {
          onSignedIn(result.me);
          return;
        }
        // The server's sentence says which it was (wrong credentials, locked, disabled).
        setFailure({ message: result.message ?? result.code ?? '', lockedUntil: result.lockedUntil, code: result.code });
        setPassword('');
        passwordInput.current?.focus();
      },
      (error: unknown) => {
        setBusy(false);
        const { message, code } = describeError(error, t);
        setFailure({ message, lockedUntil: null, code });
      },
    );
  };

  return (
    <Form layout="vertical" className="auth-form" onFinish={submit} data-testid="sign-in-form" requiredMark={false}>
      <Form.Item label={t('signIn.name')} htmlFor="sign-in-name">
        <Input
          id="sign-in-name"
          data-testid="sign-in-name"
          name="username"
          size="large"
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus={!fixedName}
          readOnly={fixedName != null}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('signIn.password')} htmlFor="sign-in-password">
        <Input.Password
          id="sign-in-password"
          ref={passwordInput}
          data-testid="sign-in-password"
          name="password"
          size="large"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          autoFocus={fixedName != null}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Form.Item>
      {failure && (
        <Alert
          type="error"
          showIcon
          className="auth-alert"
          role="alert"
          data-testid="sign-in-error"
          data-code={failure.code ?? undefined}
          title={failure.message}
          description={
            failure.lockedUntil ? <span data-testid="sign-in-locked-until">{t('signIn.lockedUntil', { time: formatDateTime(failure.lockedUntil) })}</span> : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" size="large" block data-testid="sign-in-submit" loading={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </Form>
  );
}
