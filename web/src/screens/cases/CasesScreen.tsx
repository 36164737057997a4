// 专案: the cases the user owns or has been shared, newest first, and a new case.

import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CasesQuery } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { messages } from './messages.ts';
import './cases.css';

type CaseRow = CasesQuery['cases']['nodes'][number];

export function CasesScreen() {
  const m = useMessages(messages);
  const { me } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useApiQuery('Cases', { first: 100 });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const create = useApiMutation('CreateCase', {
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: ['Cases'] });
      setCreating(false);
      form.resetFields();
      void navigate(paths.caseFile(data.createCase.id));
    },
  });

  const columns = [
    {
      title: m('caseTitle'),
      dataIndex: 'title',
      render: (_: unknown, row: CaseRow) => (
        <Link to={paths.caseFile(row.id)} data-testid="case-link" data-case-id={row.id}>
          {row.title}
        </Link>
      ),
    },
    {
      title: m('owner'),
      render: (_: unknown, row: CaseRow) => (
        <span title={row.owner.name}>
          {row.owner.displayName}
          {row.owner.name === me.user.name && <Tag className="case-mine">{m('mine')}</Tag>}
        </span>
      ),
    },
    {
      title: m('members'),
      render: (_: unknown, row: CaseRow) =>
        row.sharedWith.length === 0 ? (
          <Typography.Text type="secondary">{m('notShared')}</Typography.Text>
        ) : (
          row.sharedWith.map((u) => (
            <Tag key={u.name} title={u.name}>
              {u.displayName}
            </Tag>
          ))
        ),
    },
    {
      title: m('updated'),
      dataIndex: 'updatedAt',
      sorter: (a: CaseRow, b: CaseRow) => a.updatedAt.localeCompare(b.updatedAt),
      defaultSortOrder: 'descend' as const,
      render: (_: unknown, row: CaseRow) => <span title={row.updatedAt}>{formatDateTime(row.updatedAt)}</span>,
    },
  ];

  return (
    <div className="cases-screen" data-testid="cases-screen">
      <Space className="cases-head" align="center">
        <Typography.Title level={3}>{m('casesTitle')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">
          {m('newCase')}
        </Button>
      </Space>
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.cases.nodes ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m('noCases') }}
        onRow={(row) => ({ 'data-testid': 'case-row', 'data-case-id': row.id }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={creating}
        title={m('newCase')}
        okText={m('create')}
        cancelText={m('cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'case-create-submit' } as Record<string, string>}
        destroyOnHidden
      >
        {create.error && <ErrorNotice error={create.error} />}
        <Form form={form} layout="vertical" onFinish={(values) => create.mutate({ input: { title: values.title.trim(), description: values.description?.trim() || null } })}>
          <Form.Item name="title" label={m('caseTitle')} rules={[{ required: true, whitespace: true, message: m('titleRequired') }]} extra={m('titleHint')}>
            <Input maxLength={200} data-testid="case-title-input" />
          </Form.Item>
          <Form.Item name="description" label={m('description')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-description-input" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
