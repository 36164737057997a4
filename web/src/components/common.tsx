import { ApiError, type EntityKind } from '../api.ts';
import { useI18n, type Translate } from '../i18n.ts';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; value: T };

/** The same shape and colour as on the canvas, so a result row and its node are recognisably one thing. */
export function KindIcon({ kind }: { kind: EntityKind }) {
  const { t } = useI18n();
  return (
    <span className={`kind-icon kind-${kind.toLowerCase()}`} title={t(`kind.${kind}`)} aria-label={t(`kind.${kind}`)}>
      {t(`kind.${kind}.short`)}
    </span>
  );
}

/** A firm's 登记状态, greyed when the server says the firm has ended (revoked or deregistered). */
export function StatusBadge({ status, inactive }: { status: string | null; inactive: boolean }) {
  if (!status) return null;
  return <span className={`status-badge${inactive ? ' status-inactive' : ''}`}>{status}</span>;
}

export function describeError(error: unknown, t: Translate): { message: string; code: string | null } {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'graphql':
        // The server words these for the reader; its message says what to do.
        return { message: error.message, code: error.code };
      case 'http':
        return { message: t('error.http', { status: error.status ?? '?' }), code: null };
      case 'network':
        return { message: t('error.network'), code: null };
      case 'bad-response':
        return { message: t('error.badResponse'), code: null };
    }
  }
  return { message: String(error), code: null };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { message, code } = describeError(error, t);
  return (
    <div className="notice notice-error" role="alert" data-testid="error">
      <strong>{t('error.title')}</strong>
      <span className="notice-text">{message}</span>
      {code && <span className="notice-code">{t('error.code', { code })}</span>}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
