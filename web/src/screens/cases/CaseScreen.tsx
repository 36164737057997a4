// One case (专案): its saved canvases, notes, hand-entered relations, the report runs linked to it,
// and (for its owner) sharing and deletion. The open tab and canvas are in the address.

import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, List, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseFileQuery, CaseRelationKind, InformationAssessment, SourceReliability } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { CanvasPanel } from './CanvasPanel.tsx';
import { HAND_MARK } from './canvasModel.ts';
import { EntityPicker, type PickedEntity } from './EntityPicker.tsx';
import { informationKey, messages, relationKindKey, relationKinds, reliabilityKey } from './messages.ts';
import './cases.css';

type CaseFile = CaseFileQuery['case'];
type Relation = CaseFile['relations']['nodes'][number];

/** Each list of a case as one page; a case holding more says so (the API's page limit). */
const CASE_PAGE = 100;

const TABS = ['canvas', 'notes', 'relations', 'runs', 'members'] as const;
type Tab = (typeof TABS)[number];

export function CaseScreen() {
  const m = useMessages(messages);
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { me } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const file = useApiQuery('CaseFile', { id, first: CASE_PAGE });
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'canvas';
  const canvasId = search.get('canvas');
  const showHand = search.get('hand') !== '0';
  const [canvasEntities, setCanvasEntities] = useState<PickedEntity[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const remove = useApiMutation('DeleteCase', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['Cases'] });
      void navigate(paths.cases());
    },
  });

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value == null) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: name === 'hand' },
      ),
    [setSearch],
  );

  const caseFile = file.data?.case;
  const users = useMemo(() => {
    const map = new Map<string, string>();
    if (caseFile) for (const u of [caseFile.owner, ...caseFile.sharedWith]) map.set(u.name, u.displayName);
    return map;
  }, [caseFile]);
  const displayName = useCallback((user: string) => users.get(user) ?? user, [users]);
  const nameOf = useCallback(
    (key: string) => canvasEntities.find((e) => e.key === key)?.name ?? names[key] ?? key,
    [canvasEntities, names],
  );
  const remember = useCallback((e: PickedEntity) => setNames((n) => ({ ...n, [e.key]: e.name })), []);

  if (file.error) return <ErrorNotice error={file.error} onRetry={() => void file.refetch()} />;
  if (!caseFile) return <div className="case-screen" data-testid="case-loading" />;
  const owner = caseFile.owner.name === me.user.name;

  return (
    <div className="case-screen" data-testid="case-screen" data-case-id={caseFile.id}>
      <div className="case-head">
        <div>
          <Typography.Text type="secondary">
            <Link to={paths.cases()}>{m('casesTitle')}</Link> /
          </Typography.Text>
          <Typography.Title level={3} data-testid="case-title">
            {caseFile.title}
          </Typography.Title>
        </div>
        {owner && (
          <Popconfirm title={m('deleteConfirm')} okText={m('delete')} cancelText={m('cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate({ id: caseFile.id })}>
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="case-delete">
              {m('deleteCase')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {remove.error && <ErrorNotice error={remove.error} />}
      <Descriptions size="small" column={3} className="case-facts">
        <Descriptions.Item label={m('owner')}>
          <span title={caseFile.owner.name} data-testid="case-owner">{caseFile.owner.displayName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={m('members')}>
          {caseFile.sharedWith.length === 0 ? m('notShared') : caseFile.sharedWith.map((u) => <Tag key={u.name} title={u.name}>{u.displayName}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={m('updated')}>
          {formatDateTime(caseFile.updatedAt)}（{displayName(caseFile.updatedBy)}）
        </Descriptions.Item>
        {caseFile.description && (
          <Descriptions.Item label={m('description')} span={3}>
            <span className="case-description">{caseFile.description}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'canvas' ? null : key)}
        items={[
          {
            key: 'canvas',
            label: <span data-testid="tab-canvas">{m('tabCanvas', { n: caseFile.canvases.nodes.length })}</span>,
            children: (
              <CanvasPanel
                caseFile={caseFile}
                canvasId={canvasId}
                openCanvas={(canvas) => setParam('canvas', canvas)}
                showHand={showHand}
                setShowHand={(show) => setParam('hand', show ? null : '0')}
                displayName={displayName}
                onEntities={setCanvasEntities}
              />
            ),
          },
          {
            key: 'notes',
            label: <span data-testid="tab-notes">{m('tabNotes', { n: caseFile.notes.nodes.length })}</span>,
            children: <NotesPanel caseFile={caseFile} displayName={displayName} />,
          },
          {
            key: 'relations',
            label: <span data-testid="tab-relations">{m('tabRelations', { n: caseFile.relations.nodes.length })}</span>,
            children: <RelationsPanel caseFile={caseFile} owner={owner} me={me.user.name} displayName={displayName} nameOf={nameOf} known={canvasEntities} remember={remember} />,
          },
          {
            key: 'runs',
            label: <span data-testid="tab-runs">{m('tabRuns', { n: caseFile.reportRuns.nodes.length })}</span>,
            children: <RunsPanel caseFile={caseFile} displayName={displayName} />,
          },
          {
            key: 'members',
            label: <span data-testid="tab-members">{m('tabMembers')}</span>,
            children: <MembersPanel caseFile={caseFile} owner={owner} />,
          },
        ]}
      />
    </div>
  );
}

const useRefreshCase = (caseId: string) => {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['CaseFile', { id: caseId }] }), queryClient.invalidateQueries({ queryKey: ['Cases'] })]);
};

function NotesPanel({ caseFile, displayName }: { caseFile: CaseFile; displayName: (user: string) => string }) {
  const m = useMessages(messages);
  const refresh = useRefreshCase(caseFile.id);
  const [text, setText] = useState('');
  const add = useApiMutation('AddCaseNote', {
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });
  return (
    <div className="case-notes">
      <Space.Compact className="case-note-form">
        <Input.TextArea rows={3} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} placeholder={m('notePlaceholder')} data-testid="note-input" />
      </Space.Compact>
      <Button type="primary" disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutate({ caseId: caseFile.id, text: text.trim() })} data-testid="note-add">
        {m('addNote')}
      </Button>
      <Typography.Text type="secondary" className="case-note-rule">
        {m('notesKept')}
      </Typography.Text>
      {add.error && <ErrorNotice error={add.error} />}
      {caseFile.notes.pageInfo.hasNextPage && <Typography.Paragraph type="warning">{m('notesFirstOnly', { n: caseFile.notes.nodes.length })}</Typography.Paragraph>}
      <List
        dataSource={caseFile.notes.nodes}
        locale={{ emptyText: m('noNotes') }}
        renderItem={(note) => (
          <List.Item data-testid="note" data-note-number={note.number}>
            <List.Item.Meta
              title={
                <span>
                  #{note.number} · <span data-testid="note-author">{displayName(note.author)}</span> · <span title={note.createdAt}>{formatDateTime(note.createdAt)}</span>
                </span>
              }
              description={<span className="case-note-text" data-testid="note-text">{note.text}</span>}
            />
          </List.Item>
        )}
      />
    </div>
  );
}

interface RelationForm {
  from: string;
  to: string;
  kind: CaseRelationKind;
  text?: string;
  informant?: string;
  document?: string;
  sourceReliability: SourceReliability;
  informationAssessment: InformationAssessment;
}

function RelationsPanel(props: {
  caseFile: CaseFile;
  owner: boolean;
  me: string;
  displayName: (user: string) => string;
  nameOf: (key: string) => string;
  known: readonly PickedEntity[];
  remember: (e: PickedEntity) => void;
}) {
  const { caseFile, owner, me, displayName, nameOf, known, remember } = props;
  const m = useMessages(messages);
  const refresh = useRefreshCase(caseFile.id);
  const [form] = Form.useForm<RelationForm>();
  const add = useApiMutation('AddCaseRelation', {
    onSuccess: async () => {
      form.resetFields();
      await refresh();
    },
  });
  const remove = useApiMutation('DeleteCaseRelation', { onSuccess: () => refresh() });
  const kind = Form.useWatch('kind', form);

  const columns = [
    { title: m('from'), render: (_: unknown, r: Relation) => <span title={r.fromKey}>{nameOf(r.fromKey)}</span> },
    { title: m('to'), render: (_: unknown, r: Relation) => <span title={r.toKey}>{nameOf(r.toKey)}</span> },
    {
      title: m('relationKind'),
      render: (_: unknown, r: Relation) => (
        <span className="case-hand-label" title={r.text ?? undefined}>
          {HAND_MARK} {r.kind === 'OTHER' ? r.label : m(relationKindKey(r.kind))}
          {r.kind !== 'OTHER' && r.text ? `（${r.text}）` : ''}
        </span>
      ),
    },
    {
      title: m('grade'),
      render: (_: unknown, r: Relation) => (
        <Tag title={`${m(reliabilityKey(r.sourceReliability))} / ${m(informationKey(r.informationAssessment))}`} data-testid="relation-grade">
          {r.grade}
        </Tag>
      ),
    },
    { title: m('source'), render: (_: unknown, r: Relation) => [r.informant, r.document].filter(Boolean).join(' · ') },
    {
      title: m('author'),
      render: (_: unknown, r: Relation) => (
        <span>
          <span data-testid="relation-author">{displayName(r.author)}</span>
          <br />
          <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
        </span>
      ),
    },
    {
      title: '',
      render: (_: unknown, r: Relation) =>
        (owner || r.author === me) && (
          <Popconfirm title={m('deleteRelationConfirm')} okText={m('delete')} cancelText={m('cancel')} onConfirm={() => remove.mutate({ caseId: caseFile.id, relationId: r.id })}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={m('delete')} />
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="case-relations">
      <Typography.Paragraph type="secondary">{m('relationsRule')}</Typography.Paragraph>
      <Form<RelationForm>
        form={form}
        layout="vertical"
        className="case-relation-form"
        data-testid="relation-form"
        initialValues={{ kind: 'ACTUAL_CONTROL', sourceReliability: 'B', informationAssessment: 'KNOWN_TO_SOURCE' }}
        onFinish={(values) =>
          add.mutate({
            caseId: caseFile.id,
            relation: {
              from: values.from,
              to: values.to,
              kind: values.kind,
              text: values.text?.trim() || null,
              informant: values.informant?.trim() || null,
              document: values.document?.trim() || null,
              sourceReliability: values.sourceReliability,
              informationAssessment: values.informationAssessment,
            },
          })
        }
      >
        <Space wrap align="start">
          <Form.Item name="from" label={m('from')} rules={[{ required: true, message: m('pickEntity') }]}>
            <EntityPicker known={known} onPicked={remember} testId="relation-from" />
          </Form.Item>
          <Form.Item name="to" label={m('to')} rules={[{ required: true, message: m('pickEntity') }]}>
            <EntityPicker known={known} onPicked={remember} testId="relation-to" />
          </Form.Item>
          <Form.Item name="kind" label={m('relationKind')}>
            <Select className="case-select" options={relationKinds.map((k) => ({ value: k, label: m(relationKindKey(k)) }))} data-testid="relation-kind" />
          </Form.Item>
          <Form.Item name="text" label={m('relationText')} rules={[{ required: kind === 'OTHER', whitespace: true, message: m('otherNeedsText') }]}>
            <Input maxLength={500} data-testid="relation-text" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="informant" label={m('informant')}>
            <Input maxLength={200} data-testid="relation-informant" />
          </Form.Item>
          <Form.Item
            name="document"
            label={m('document')}
            dependencies={['informant']}
            rules={[({ getFieldValue }) => ({ validator: (_, value) => (String(value ?? '').trim() || String(getFieldValue('informant') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(m('sourceRequired')))) })]}
          >
            <Input maxLength={200} data-testid="relation-document" />
          </Form.Item>
          <Form.Item name="sourceReliability" label={m('sourceReliability')}>
            <Select className="case-select-wide" options={(['A', 'B', 'C', 'X'] as const).map((k) => ({ value: k, label: m(reliabilityKey(k)) }))} data-testid="relation-reliability" />
          </Form.Item>
          <Form.Item name="informationAssessment" label={m('informationAssessment')}>
            <Select
              className="case-select-wide"
              options={(['KNOWN_TRUE', 'KNOWN_TO_SOURCE', 'CORROBORATED', 'UNCORROBORATED'] as const).map((k) => ({ value: k, label: m(informationKey(k)) }))}
              data-testid="relation-assessment"
            />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="relation-add">
              {m('addRelation')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {add.error && <ErrorNotice error={add.error} />}
      {remove.error && <ErrorNotice error={remove.error} />}
      {caseFile.relations.pageInfo.hasNextPage && <Typography.Paragraph type="warning">{m('relationsFirstOnly', { n: caseFile.relations.nodes.length })}</Typography.Paragraph>}
      <Table<Relation>
        rowKey="id"
        size="small"
        dataSource={caseFile.relations.nodes}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m('noRelations') }}
        onRow={(r) => ({ 'data-testid': 'relation-row', 'data-relation-id': r.id }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

function RunsPanel({ caseFile, displayName }: { caseFile: CaseFile; displayName: (user: string) => string }) {
  const m = useMessages(messages);
  type Run = CaseFile['reportRuns']['nodes'][number];
  return (
    <div className="case-runs">
      <Typography.Paragraph type="secondary">{m('runsHint')}</Typography.Paragraph>
      <Table<Run>
        rowKey="runId"
        size="small"
        dataSource={caseFile.reportRuns.nodes}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m('noRuns') }}
        columns={[
          {
            title: m('runTitle'),
            render: (_: unknown, r: Run) => (r.queryId ? <Link to={paths.reportRun(r.queryId, r.runId)}>{r.title}</Link> : r.title),
          },
          { title: m('runId'), dataIndex: 'runId' },
          { title: m('linkedBy'), render: (_: unknown, r: Run) => displayName(r.linkedBy) },
          { title: m('linkedAt'), render: (_: unknown, r: Run) => formatDateTime(r.linkedAt) },
        ]}
      />
    </div>
  );
}

function MembersPanel({ caseFile, owner }: { caseFile: CaseFile; owner: boolean }) {
  const m = useMessages(messages);
  const refresh = useRefreshCase(caseFile.id);
  const [userName, setUserName] = useState('');
  const share = useApiMutation('ShareCase', {
    onSuccess: async () => {
      setUserName('');
      await refresh();
    },
  });
  const unshare = useApiMutation('UnshareCase', { onSuccess: () => refresh() });
  return (
    <div className="case-members">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={m('owner')}>
          {caseFile.owner.displayName}（{caseFile.owner.name}）
        </Descriptions.Item>
        <Descriptions.Item label={m('members')}>
          <span data-testid="case-members">
            {caseFile.sharedWith.length === 0
              ? m('notShared')
              : caseFile.sharedWith.map((u) => (
                  <Tag key={u.name} closable={owner} onClose={(e) => (e.preventDefault(), unshare.mutate({ id: caseFile.id, userName: u.name }))} data-testid="case-member" data-user={u.name}>
                    {u.displayName}（{u.name}）
                  </Tag>
                ))}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {owner ? (
        <Space.Compact className="case-share-form">
          <Input value={userName} onChange={(e) => setUserName(e.target.value)} placeholder={m('sharePlaceholder')} data-testid="share-user" onPressEnter={() => userName.trim() && share.mutate({ id: caseFile.id, userName: userName.trim() })} />
          <Button type="primary" disabled={!userName.trim()} loading={share.isPending} onClick={() => share.mutate({ id: caseFile.id, userName: userName.trim() })} data-testid="share-submit">
            {m('share')}
          </Button>
        </Space.Compact>
      ) : (
        <Typography.Paragraph type="secondary">{m('ownerShares')}</Typography.Paragraph>
      )}
      {share.error && <ErrorNotice error={share.error} />}
      {unshare.error && <ErrorNotice error={unshare.error} />}
    </div>
  );
}
