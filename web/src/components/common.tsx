import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Tag } from 'antd';
import { ApiError, type EntityKind } from '../api.ts';
import { useI18n, type Translate } from '../i18n.ts';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; value: T };

/** The same shape and colour as on the canvas (firm: square, person: round), so a row and its node are recognisably one thing. */
export function KindIcon({ kind, size = 28 }: { kind: EntityKind; size?: number }) {
  const { t } = useI18n();
  const firm = kind === 'COMPANY';
  return (
    <span className="kind-icon-wrap" title={t(`kind.${kind}`)} role="img" aria-label={t(`kind.${kind}`)}>
      <Avatar size={size} shape={firm ? 'square' : 'circle'} className={`kind-icon kind-${kind.toLowerCase()}`} icon={firm ? <BankOutlined /> : <UserOutlined />} />
    </span>
  );
}

/** A firm's 登记状态, greyed when the server says the firm has ended (revoked or deregistered). */
export function StatusBadge({ status, inactive }: { status: string | null; inactive: boolean }) {
  if (!status) return null;
  return (
    <Tag className={`status-badge${inactive ? ' status-inactive' : ''}`} color={inactive ? 'default' : 'green'} data-testid="status-tag">
      {status}
    </Tag>
  );
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
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error"
      title={t('error.title')}
      description={
        <>
          <span className="notice-text">{message}</span>
          {code && <span className="notice-code"> {t('error.code', { code })}</span>}
        </>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )
      }
    />
  );
}
