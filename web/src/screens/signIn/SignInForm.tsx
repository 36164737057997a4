import { useRef, useState, type FormEvent } from 'react';
import { signIn, type Me } from '../../api.ts';
import { describeError } from '../../components/common.tsx';
import { formatDateTime, useI18n } from '../../i18n.ts';
import { PasswordField } from './PasswordField.tsx';

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
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    <form className="auth-form" onSubmit={submit} data-testid="sign-in-form" noValidate>
      <label>
        <span>{t('signIn.name')}</span>
        <input
          data-testid="sign-in-name"
          name="username"
          autoComplete="username"
          autoFocus={!fixedName}
          readOnly={fixedName != null}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <PasswordField
        ref={passwordInput}
        label={t('signIn.password')}
        testId="sign-in-password"
        name="password"
        autoComplete="current-password"
        autoFocus={fixedName != null}
        value={password}
        onChange={setPassword}
      />
      {failure && (
        <div className="notice notice-error" role="alert" data-testid="sign-in-error" data-code={failure.code ?? undefined}>
          <span className="notice-text">{failure.message}</span>
          {failure.lockedUntil && (
            <span className="notice-text" data-testid="sign-in-locked-until">
              {t('signIn.lockedUntil', { time: formatDateTime(failure.lockedUntil) })}
            </span>
          )}
        </div>
      )}
      <button type="submit" className="primary" data-testid="sign-in-submit" disabled={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
