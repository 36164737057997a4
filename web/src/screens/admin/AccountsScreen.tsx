import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import type { AdminUsersQuery, Role as ApiRole } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { describeError, ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { withParams } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import './admin.css';
import { adminMessages } from './messages.ts';
import { oneTimePassword } from './oneTimePassword.ts';

type Account = AdminUsersQuery['users'][number];

const apiRoles: ApiRole[] = ['INVESTIGATOR', 'REGULATOR', 'VIEWER', 'SYSADMIN', 'AUDITOR'];
const roleColor: Record<ApiRole, string> = { INVESTIGATOR: 'blue', REGULATOR: 'geekblue', VIEWER: 'default', SYSADMIN: 'purple', AUDITOR: 'gold' };
const JURISDICTION = /^\d{6}$/;

const lockedNow = (account: Account) => account.lockedUntil != null && Date.parse(account.lockedUntil) > Date.now();

interface AccountForm {
  name: string;
  displayName?: string;
  role: ApiRole;
  jurisdiction: string;
}

/** 账户管理 (sysadmin): every account with its role, jurisdiction, state and last sign-in, and what the accounts API lets a sysadmin do to it. */
export function AccountsScreen() {
  const { t } = useI18n();
  const m = useMessages(adminMessages);
  const { me } = useWorkspace();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const text = search.get('q') ?? '';
  const roleFilter = (search.get('role') ?? '') as ApiRole | '';
  const users = useApiQuery('AdminUsers', {});

  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [handedOver, setHandedOver] = useState<{ name: string; password: string } | null>(null);
  const [createForm] = Form.useForm<AccountForm>();
  const [editForm] = Form.useForm<AccountForm>();

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['AdminUsers'] });
  const failed = (error: Error) => void message.error(describeError(error, t).message);
  const create = useApiMutation('AdminCreateUser', { onSuccess: refresh, onError: failed });
  const update = useApiMutation('AdminUpdateUser', { onSuccess: refresh, onError: failed });
  const unlock = useApiMutation('AdminUnlockUser', { onSuccess: refresh, onError: failed });
  const reset = useApiMutation('AdminResetPassword', { onSuccess: refresh, onError: failed });
  const signOutUser = useApiMutation('AdminSignOutUser', { onSuccess: refresh, onError: failed });

  const setParam = (name: string, value: string) => setSearch((current) => withParams(current, { [name]: value }), { replace: true });

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (users.data?.users ?? []).filter(
      (u) => (!roleFilter || u.role === roleFilter) && (!needle || u.name.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle)),
    );
  }, [users.data, text, roleFilter]);

  const roleLabel = (role: ApiRole) => t(`role.${role.toLowerCase() as Lowercase<ApiRole>}`);
  const roleOptions = apiRoles.map((r) => ({ value: r, label: roleLabel(r) }));

  const submitCreate = async () => {
    const values = await createForm.validateFields();
    const password = oneTimePassword(values.name);
    const created = await create.mutateAsync({
      user: { name: values.name.trim(), displayName: values.displayName?.trim() || null, role: values.role, jurisdiction: values.jurisdiction.trim(), password },
    });
    setCreating(false);
    setHandedOver({ name: created.createUser.name, password });
  };

  const submitEdit = async () => {
    if (!editing) return;
    const values = await editForm.validateFields();
    await update.mutateAsync({ name: editing.name, changes: { displayName: values.displayName?.trim() || null, role: values.role, jurisdiction: values.jurisdiction.trim() } });
    setEditing(null);
    void message.success(m('saved'));
  };

  const resetPassword = async (account: Account) => {
    const password = oneTimePassword(account.name);
    await reset.mutateAsync({ name: account.name, newPassword: password });
    setHandedOver({ name: account.name, password });
  };

  const columns: TableColumnsType<Account> = [
    {
      title: m('colName'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (_, u) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid="account-name">
            {u.name}
          </Typography.Text>
          {u.displayName !== u.name && <Typography.Text type="secondary">{u.displayName}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: m('colRole'),
      dataIndex: 'role',
      sorter: (a, b) => apiRoles.indexOf(a.role) - apiRoles.indexOf(b.role),
      render: (role: ApiRole) => (
        <Tag color={roleColor[role]} data-testid="account-role-tag">
          {roleLabel(role)}
        </Tag>
      ),
    },
    { title: m('colJurisdiction'), dataIndex: 'jurisdiction', sorter: (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) },
    {
      title: m('colStatus'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap data-testid="account-status">
          {u.disabled ? <Tag color="red">{m('statusDisabled')}</Tag> : !lockedNow(u) && <Tag color="green">{m('statusActive')}</Tag>}
          {lockedNow(u) && <Tag color="orange">{m('statusLocked', { time: formatDateTime(u.lockedUntil!) })}</Tag>}
          {u.mustChangePassword && <Tag>{m('statusMustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: m('colLastSignIn'),
      dataIndex: 'lastSignInAt',
      sorter: (a, b) => (a.lastSignInAt ?? '').localeCompare(b.lastSignInAt ?? ''),
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{m('never')}</Typography.Text>),
    },
    { title: m('colCreated'), dataIndex: 'createdAt', sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), render: (at: string) => formatDateTime(at) },
    {
      title: m('colActions'),
      key: 'actions',
      render: (_, u) => {
        const self = u.name === me.user.name;
        return (
          <Space size={0} wrap className="account-actions">
            <Button
              type="link"
              size="small"
              data-testid="account-edit"
              onClick={() => setEditing(u)}
            >
              {m('edit')}
            </Button>
            {!self && (
              <Popconfirm
                title={u.disabled ? m('confirmEnable', { name: u.name }) : m('confirmDisable', { name: u.name })}
                okText={m('ok')}
                cancelText={m('cancel')}
                onConfirm={() => update.mutateAsync({ name: u.name, changes: { disabled: !u.disabled } }).then(() => undefined)}
              >
                <Button type="link" size="small" danger={!u.disabled} data-testid={u.disabled ? 'account-enable' : 'account-disable'}>
                  {u.disabled ? m('enable') : m('disable')}
                </Button>
              </Popconfirm>
            )}
            {lockedNow(u) && (
              <Button
                type="link"
                size="small"
                data-testid="account-unlock"
                onClick={() => unlock.mutateAsync({ name: u.name }).then(() => void message.success(m('unlocked', { name: u.name })))}
              >
                {m('unlock')}
              </Button>
            )}
            {!self && (
              <Popconfirm title={m('confirmReset', { name: u.name })} okText={m('ok')} cancelText={m('cancel')} onConfirm={() => resetPassword(u)}>
                <Button type="link" size="small" data-testid="account-reset-password">
                  {m('resetPassword')}
                </Button>
              </Popconfirm>
            )}
            <Popconfirm
              title={m('confirmSignOut', { name: u.name })}
              okText={m('ok')}
              cancelText={m('cancel')}
              onConfirm={() =>
                signOutUser.mutateAsync({ name: u.name }).then((r) => void message.success(m('signedOutCount', { name: u.name, count: r.signOutUser })))
              }
            >
              <Button type="link" size="small" data-testid="account-sign-out">
                {m('signOutUser')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  const jurisdictionRules = [
    { required: true, message: m('required') },
    { pattern: JURISDICTION, message: m('jurisdictionFormat') },
  ];

  return (
    <main className="admin-screen" data-testid="accounts-screen">
      <div className="admin-head">
        <div>
          <Typography.Title level={3}>{m('accountsTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{m('accountsIntro')}</Typography.Paragraph>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="account-create"
          onClick={() => setCreating(true)}
        >
          {m('create')}
        </Button>
      </div>
      <Space className="admin-filters" wrap>
        <Input.Search allowClear placeholder={m('search')} defaultValue={text} onSearch={(v) => setParam('q', v)} data-testid="accounts-search" className="admin-search" />
        <Select
          allowClear
          placeholder={m('allRoles')}
          value={roleFilter || undefined}
          options={roleOptions}
          onChange={(v?: ApiRole) => setParam('role', v ?? '')}
          className="admin-role-filter"
          data-testid="accounts-role-filter"
        />
      </Space>
      {users.error && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      <Table<Account>
        rowKey="name"
        size="middle"
        loading={users.isPending}
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="accounts-table"
        onRow={(u) => ({ 'data-testid': 'account-row', 'data-name': u.name }) as HTMLAttributes<HTMLElement>}
      />

      <Modal
        open={creating}
        title={m('createTitle')}
        okText={m('create')}
        cancelText={m('cancel')}
        confirmLoading={create.isPending}
        onOk={() => void submitCreate().catch(() => undefined)}
        onCancel={() => setCreating(false)}
        okButtonProps={{ 'data-testid': 'account-create-submit' }}
        destroyOnHidden
      >
        <Form form={createForm} layout="vertical" data-testid="account-create-form" initialValues={{ role: 'INVESTIGATOR', jurisdiction: me.user.jurisdiction }}>
          <Form.Item name="name" label={m('fieldName')} extra={m('fieldNameHelp')} rules={[{ required: true, whitespace: true, message: m('required') }]}>
            <Input data-testid="account-field-name" autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item name="displayName" label={m('fieldDisplayName')}>
            <Input data-testid="account-field-display-name" autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item name="role" label={m('fieldRole')} rules={[{ required: true, message: m('required') }]}>
            <Select options={roleOptions} data-testid="account-field-role" />
          </Form.Item>
          <Form.Item name="jurisdiction" label={m('fieldJurisdiction')} rules={jurisdictionRules}>
            <Input data-testid="account-field-jurisdiction" maxLength={6} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={editing != null}
        title={editing ? m('editTitle', { name: editing.name }) : ''}
        okText={m('ok')}
        cancelText={m('cancel')}
        confirmLoading={update.isPending}
        onOk={() => void submitEdit().catch(() => undefined)}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'account-edit-submit' }}
        destroyOnHidden
      >
        <Form form={editForm} layout="vertical" data-testid="account-edit-form" initialValues={editing ?? undefined}>
          <Form.Item name="displayName" label={m('fieldDisplayName')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="role" label={m('fieldRole')} rules={[{ required: true, message: m('required') }]}>
            <Select options={roleOptions} data-testid="account-edit-role" />
          </Form.Item>
          <Form.Item name="jurisdiction" label={m('fieldJurisdiction')} rules={jurisdictionRules}>
            <Input data-testid="account-edit-jurisdiction" maxLength={6} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={handedOver != null}
        title={m('passwordTitle')}
        closable={false}
        maskClosable={false}
        onCancel={() => setHandedOver(null)}
        // Gone from the page once closed, not kept hidden: the password is shown this once.
        destroyOnHidden
        footer={
          <Button type="primary" data-testid="one-time-password-done" onClick={() => setHandedOver(null)}>
            {m('passwordDone')}
          </Button>
        }
      >
        {handedOver && (
          <>
            <Typography.Paragraph>{m('passwordText', { name: handedOver.name })}</Typography.Paragraph>
            <Typography.Paragraph className="one-time-password" copyable={{ text: handedOver.password, tooltips: [m('passwordCopy'), '✓'] }}>
              <Typography.Text code data-testid="one-time-password" data-name={handedOver.name}>
                {handedOver.password}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </main>
  );
}
