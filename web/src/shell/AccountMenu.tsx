import { DownOutlined, FileSearchOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Dropdown, Form, Input, Popover, Space, Tag, Tooltip, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { setQueryReason, type Me } from '../api.ts';
import { describeError } from '../components/common.tsx';
import { useI18n } from '../i18n.ts';
import { paths } from '../paths.ts';

export interface AccountMenuProps {
  me: Me;
  /** The 查询事由 or the password changed the session: the shell keeps the new one. */
  onMeChanged: (me: Me) => void;
  /** Ends the session on the server; rejects when the server did not (the cookie then still works). */
  onSignOut: () => Promise<void>;
}

/**
 * The header's right side once signed in: the 查询事由 state (investigators), and one menu under
 * the user's name: 修改密码, 查询事由 (set, change, clear), 退出登录.
 */
export function AccountMenu({ me, onMeChanged, onSignOut }: AccountMenuProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = me.session.reason;
  // Only an investigator may see full ID numbers, so only they give a reason for it.
  const givesReason = me.user.role === 'investigator';

  const saveReason = (reason: string | null) => {
    setBusy(true);
    setProblem(null);
    setQueryReason(reason).then(
      (updated) => {
        setBusy(false);
        setReasonOpen(false);
        onMeChanged(updated);
        // Every answer cached so far was masked (or not) under the old rule: ask again under the new one.
        void queryClient.invalidateQueries();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(describeError(error, t).message);
        setReasonOpen(true);
      },
    );
  };

  const signOut = () => {
    setBusy(true);
    onSignOut().catch((error: unknown) => {
      setBusy(false);
      void message.error({ content: t('account.signOutFailed', { message: describeError(error, t).message }), key: 'sign-out' });
    });
  };

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('password.title')}</span> },
    ...(givesReason
      ? [
          { type: 'divider' as const },
          { key: 'reason', icon: <FileSearchOutlined />, label: <span data-testid="reason-edit">{current ? t('reason.change') : t('reason.set')}</span> },
          ...(current ? [{ key: 'reasonClear', label: <span data-testid="reason-clear">{t('reason.clear')}</span>, disabled: busy }] : []),
        ]
      : []),
    { type: 'divider' as const },
    { key: 'signOut', icon: <LogoutOutlined />, danger: true, disabled: busy, label: <span data-testid="sign-out">{busy ? t('account.signingOut') : t('account.signOut')}</span> },
  ];

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate(paths.changePassword());
    else if (key === 'reason') {
      setProblem(null);
      setReasonOpen(true);
    } else if (key === 'reasonClear') saveReason(null);
    else if (key === 'signOut') signOut();
  };

  return (
    <Space size={12} className="account-menu">
      {givesReason && (
        <span data-testid="reason" className="reason">
        <Popover
          open={reasonOpen}
          onOpenChange={(open) => !busy && setReasonOpen(open)}
          trigger="click"
          placement="bottomRight"
          title={t('reason.label')}
          content={<ReasonForm initial={current ?? ''} busy={busy} problem={problem} onSave={saveReason} onCancel={() => setReasonOpen(false)} />}
          destroyOnHidden
        >
          <Tooltip title={t('reason.hint')}>
            <Tag
              className="reason-status"
              color={me.fullIdNumbers ? 'gold' : undefined}
              data-testid="reason-status"
              data-full={me.fullIdNumbers ? 'true' : 'false'}
              role="button"
              tabIndex={0}
            >
              {me.fullIdNumbers ? t('reason.full') : t('reason.masked')}
              {current && <span className="reason-text"> · {t('reason.current', { reason: current })}</span>}
            </Tag>
          </Tooltip>
        </Popover>
        </span>
      )}
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="account-button" data-testid="account-menu" aria-label={t('account.menuLabel')}>
          <UserOutlined />
          <span className="account-name" data-testid="account-user">
            {me.user.displayName}
          </span>
          <span className="account-role" data-testid="account-role">
            {t(`role.${me.user.role}`)}
          </span>
          <DownOutlined className="account-caret" />
        </Button>
      </Dropdown>
    </Space>
  );
}

/**
 * 查询事由: a case number or a sentence given once for the session. With it the server sends full
 * ID numbers to an investigator and records the reason with every query; without it they are masked.
 */
function ReasonForm(props: { initial: string; busy: boolean; problem: string | null; onSave: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(props.initial);
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    const reason = text.trim();
    if (!reason) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    props.onSave(reason);
  };
  const problem = empty ? t('reason.empty') : props.problem;
  return (
    <Form layout="vertical" className="reason-form" onFinish={submit} aria-label={t('reason.label')}>
      <Form.Item extra={t('reason.hint')} validateStatus={problem ? 'error' : undefined} help={problem ? <span role="alert" data-testid="reason-problem">{problem}</span> : undefined}>
        <Input
          data-testid="reason-input"
          aria-label={t('reason.label')}
          placeholder={t('reason.placeholder')}
          maxLength={500}
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="reason-save" loading={props.busy}>
          {t('reason.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('reason.cancel')}</Button>
      </Space>
    </Form>
  );
}
