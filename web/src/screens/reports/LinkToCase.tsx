// 关联到专案: a report run joins one of the user's cases (专案), which then lists it with a link
// back here. Only the cases the user owns or shares are offered; the server checks again.

import { FolderAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { describeError } from '../../components/common.tsx';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { reportsMessages } from './messages.ts';

/** The cases offered: the first page the API gives (its most), which the select filters by title. */
const CASES_OFFERED = 100;

export function LinkToCase({ runId, title }: { runId: string; title: string }) {
  const m = useMessages(reportsMessages);
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [caseId, setCaseId] = useState<string | null>(null);
  const cases = useApiQuery('Cases', { first: CASES_OFFERED }, { enabled: open });
  const link = useApiMutation('LinkCaseReportRun', {
    onSuccess: async (_, variables) => {
      const chosen = cases.data?.cases.nodes.find((c) => c.id === variables.caseId);
      setOpen(false);
      void message.success(
        <span data-testid="linked-to-case">
          {m('linkedToCase')} <Link to={paths.caseFile(String(variables.caseId))}>{chosen?.title ?? String(variables.caseId)}</Link>
        </span>,
      );
      await queryClient.invalidateQueries({ queryKey: ['CaseFile'] });
    },
    onError: (error) => void message.error(describeError(error, t).message),
  });
  return (
    <>
      <Button icon={<FolderAddOutlined />} onClick={() => setOpen(true)} data-testid="link-to-case">
        {m('linkToCase')}
      </Button>
      <Modal
        open={open}
        title={m('linkToCase')}
        okText={m('linkToCaseOk')}
        okButtonProps={{ disabled: !caseId, loading: link.isPending, 'data-testid': 'link-to-case-ok' } as ButtonProps}
        onOk={() => caseId && link.mutate({ caseId, runId, title })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{m('linkToCaseHint')}</Typography.Paragraph>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          loading={cases.isPending}
          placeholder={m('linkToCasePick')}
          value={caseId ?? undefined}
          onChange={setCaseId}
          options={(cases.data?.cases.nodes ?? []).map((c) => ({ value: c.id, label: c.title }))}
          status={cases.error ? 'error' : undefined}
          notFoundContent={cases.error ? describeError(cases.error, t).message : cases.isPending ? null : m('noCases')}
          data-testid="link-to-case-select"
        />
      </Modal>
    </>
  );
}
