import { useState, type FormEvent } from 'react';
import { setQueryReason, type Me } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { describeError } from './common.tsx';

export interface AccountBarProps {
  me: Me;
  onMeChanged: (me: Me) => void;
  onSignOut: () => Promise<void>;
}

/** The header's right side once signed in: the 查询事由 (investigators), who is signed in, sign out. */
export function AccountBar({ me, onMeChanged, onSignOut }: AccountBarProps) {
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  const signOut = () => {
    setSigningOut(true);
    setSignOutError(null);
    onSignOut().catch((error: unknown) => {
      setSigningOut(false);
      setSignOutError(t('account.signOutFailed', { message: describeError(error, t).message }));
    });
  };

  return (
    <div className="account-bar">
      {me.user.role === 'investigator' && <QueryReasonControl me={me} onMeChanged={onMeChanged} />}
      <span className="account-user" aria-label={t('account.menuLabel')} data-testid="account-user">
        <span className="account-name">{me.user.displayName}</span>
        <span className="account-role" data-testid="account-role">
          {t(`role.${me.user.role}`)}
        </span>
      </span>
      <button type="button" className="header-button" data-testid="sign-out" disabled={signingOut} onClick={signOut}>
        {signingOut ? t('account.signingOut') : t('account.signOut')}
      </button>
      {signOutError && (
        <span className="account-error" role="alert">
          {signOutError}
        </span>
      )}
    </div>
  );
}

/**
 * 查询事由: a case number or a sentence given once for the session. With it the server sends full
 * ID numbers to an investigator and records the reason with every query; without it they are masked.
 */
function QueryReasonControl({ me, onMeChanged }: { me: Me; onMeChanged: (me: Me) => void }) {
  const { t } = useI18n();
  const current = me.session.reason;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = (reason: string | null) => {
    setBusy(true);
    setProblem(null);
    setQueryReason(reason).then(
      (updated) => {
        setBusy(false);
        setEditing(false);
        onMeChanged(updated);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(describeError(error, t).message);
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const reason = text.trim();
    if (!reason) {
      setProblem(t('reason.empty'));
      return;
    }
    save(reason);
  };

  const open = () => {
    setText(current ?? '');
    setProblem(null);
    setEditing(true);
  };

  return (
    <div className="reason" data-testid="reason">
      <span
        className={`reason-status${me.fullIdNumbers ? ' reason-full' : ''}`}
        data-testid="reason-status"
        data-full={me.fullIdNumbers ? 'true' : 'false'}
        title={t('reason.hint')}
      >
        {me.fullIdNumbers ? t('reason.full') : t('reason.masked')}
        {current && <span className="reason-text"> · {t('reason.current', { reason: current })}</span>}
      </span>
      {!editing && (
        <button type="button" className="header-button" data-testid="reason-edit" onClick={open}>
          {current ? t('reason.change') : t('reason.set')}
        </button>
      )}
      {!editing && current && (
        <button type="button" className="header-button" data-testid="reason-clear" disabled={busy} onClick={() => save(null)}>
          {t('reason.clear')}
        </button>
      )}
      {editing && (
        <form className="reason-form" onSubmit={submit} aria-label={t('reason.label')}>
          <div className="reason-form-row">
            <input
              data-testid="reason-input"
              aria-label={t('reason.label')}
              placeholder={t('reason.placeholder')}
              maxLength={500}
              autoFocus
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="primary" data-testid="reason-save" disabled={busy}>
              {t('reason.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('reason.cancel')}
            </button>
          </div>
          <p className="reason-hint">{t('reason.hint')}</p>
          {problem && (
            <p className="reason-problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
