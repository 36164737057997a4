import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import type { AdminKeywordListsQuery, AdminListTypesQuery, AdminVocabularyHistoryQuery, Vocabulary } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { describeError, ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { useWorkspace } from '../../session/workspace.ts';
import './admin.css';
import { adminMessages } from './messages.ts';

type ListType = AdminListTypesQuery['listTypes']['types'][number];
type KeywordList = AdminKeywordListsQuery['keywordLists']['lists'][number];
type Version = AdminVocabularyHistoryQuery['vocabularyHistory']['nodes'][number];
type Tab = 'listTypes' | 'keywordLists';

const meaningColor: Record<ListType['meaning'], string> = { FLAGGING: 'red', DISCLOSURE: 'blue', CONTEXT: 'default' };

/** How many words were added or removed between two versions of the same entries (what the save bar counts). */
function changeCount<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, words: (item: T) => readonly string[]): number {
  const was = new Map(before.map((item) => [key(item), new Set(words(item))]));
  let count = 0;
  for (const item of after) {
    const old = was.get(key(item)) ?? new Set<string>();
    const now = new Set(words(item));
    for (const w of now) if (!old.has(w)) count++;
    for (const w of old) if (!now.has(w)) count++;
  }
  return count;
}

/** Words (spellings, keywords) as tags, removable and extendable when editing. */
function WordTags({ words, editable, addLabel, placeholder, onChange }: { words: readonly string[]; editable: boolean; addLabel: string; placeholder: string; onChange: (next: string[]) => void }) {
  const m = useMessages(adminMessages);
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const add = () => {
    const word = text.trim();
    if (word && !words.includes(word)) onChange([...words, word]);
    setText('');
    setAdding(false);
  };
  return (
    <Space size={[4, 4]} wrap className="vocab-spellings">
      {words.map((w) => (
        <Tag
          key={w}
          closable={editable ? { 'aria-label': m('removeSpelling', { spelling: w }) } : false}
          onClose={(event) => {
            event.preventDefault();
            onChange(words.filter((x) => x !== w));
          }}
          data-testid="vocab-word"
        >
          {w}
        </Tag>
      ))}
      {editable &&
        (adding ? (
          <Input
            size="small"
            autoFocus
            className="vocab-add-input"
            placeholder={placeholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={add}
            onBlur={add}
            maxLength={100}
            data-testid="vocab-word-input"
          />
        ) : (
          <Tag className="vocab-add" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="vocab-word-add">
            {addLabel}
          </Tag>
        ))}
    </Space>
  );
}

/** A vocabulary's versions, newest first, paged by cursor; a former one opens read-only. */
function VersionHistory({ vocabulary, onOpen }: { vocabulary: Vocabulary; onOpen: (version: number) => void }) {
  const m = useMessages(adminMessages);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const pages = cursors.map((after) => ({ after }));
  return (
    <Card size="small" title={m('tabHistory')} data-testid="vocab-history">
      {pages.map(({ after }, i) => (
        <HistoryPage
          key={after ?? 'first'}
          vocabulary={vocabulary}
          after={after}
          last={i === pages.length - 1}
          onMore={(cursor) => setCursors((c) => [...c, cursor])}
          onOpen={onOpen}
        />
      ))}
    </Card>
  );
}

function HistoryPage({
  vocabulary,
  after,
  last,
  onMore,
  onOpen,
}: {
  vocabulary: Vocabulary;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
  onOpen: (version: number) => void;
}) {
  const m = useMessages(adminMessages);
  const history = useApiQuery('AdminVocabularyHistory', { vocabulary, first: 20, after });
  const columns: TableColumnsType<Version> = [
    { title: '#', dataIndex: 'version', width: 60 },
    { title: m('historyAt'), dataIndex: 'at', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : '') },
    { title: m('historyAuthor'), dataIndex: 'author', width: 140 },
    { title: m('historyReason'), dataIndex: 'reason' },
    {
      title: m('historyChanges'),
      dataIndex: 'changes',
      render: (changes: Version['changes']) =>
        changes.length === 0 ? (
          <Typography.Text type="secondary">{m('historySeed')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={2}>
            {changes.map((c, i) => (
              <span key={i} data-testid="vocab-change">
                <Tag color={c.op === 'ADDED' ? 'green' : c.op === 'REMOVED' ? 'red' : 'orange'}>{m(`op${c.op}`)}</Tag>
                <span className="vocab-change-path">{c.path}</span> {c.value}
              </span>
            ))}
          </Space>
        ),
    },
    {
      key: 'open',
      width: 110,
      render: (_, v) => (
        <Button type="link" size="small" onClick={() => onOpen(v.version)}>
          {m('viewVersion')}
        </Button>
      ),
    },
  ];
  if (history.error) return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;
  const page = history.data?.vocabularyHistory;
  return (
    <>
      <Table<Version>
        rowKey="version"
        size="small"
        loading={history.isPending}
        dataSource={page?.nodes ?? []}
        columns={columns}
        pagination={false}
        showHeader={after == null}
        onRow={(v) => ({ 'data-testid': 'vocab-version', 'data-version': v.version }) as HTMLAttributes<HTMLElement>}
      />
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <Button type="link" onClick={() => onMore(page.pageInfo.endCursor!)}>
          {m('historyMore')}
        </Button>
      )}
    </>
  );
}

/** The bar that saves a draft as the next version, with the reason the version history and the audit log keep. */
function SaveBar({ pending, saving, onSave, onDiscard }: { pending: number; saving: boolean; onSave: (reason: string) => void; onDiscard: () => void }) {
  const m = useMessages(adminMessages);
  const [reason, setReason] = useState('');
  if (pending === 0) return null;
  return (
    <Card size="small" className="vocab-save" data-testid="vocab-save-bar">
      <Space wrap>
        <Typography.Text strong>{m('pending', { count: pending })}</Typography.Text>
        <Input
          className="admin-search"
          aria-label={m('reasonLabel')}
          placeholder={m('reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          data-testid="vocab-reason"
        />
        <Button type="primary" disabled={!reason.trim()} loading={saving} onClick={() => onSave(reason.trim())} data-testid="vocab-save">
          {m('save')}
        </Button>
        <Button onClick={onDiscard}>{m('discard')}</Button>
      </Space>
      <div>
        <Typography.Text type="secondary">{m('reasonLabel')}</Typography.Text>
      </div>
    </Card>
  );
}

/**
 * 词表: the list types (with the spellings offices write) and the keyword lists, each with its
 * version history. Every role the vocabulary API answers reads them; the sysadmin edits the version
 * in use, and a save names the version it was made from, so an edit made meanwhile by someone else
 * is refused (EDIT_CONFLICT) and reloaded, never overwritten.
 */
export function VocabulariesScreen() {
  const { lang, t } = useI18n();
  const m = useMessages(adminMessages);
  const { me } = useWorkspace();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'keywordLists' ? 'keywordLists' : 'listTypes';
  const former = Number(search.get('v')) || null;
  const mayEdit = me.user.role === 'sysadmin' && former == null;

  const listTypes = useApiQuery('AdminListTypes', { version: tab === 'listTypes' ? former : null });
  const keywordLists = useApiQuery('AdminKeywordLists', { version: tab === 'keywordLists' ? former : null }, { enabled: tab === 'keywordLists' });
  const [typesDraft, setTypesDraft] = useState<{ version: number; types: ListType[] } | null>(null);
  const [listsDraft, setListsDraft] = useState<{ version: number; lists: KeywordList[] } | null>(null);

  const go = (next: { tab?: Tab; v?: number | null }) => {
    const params = new URLSearchParams(search);
    if (next.tab) params.set('tab', next.tab);
    if (next.v !== undefined) {
      if (next.v == null) params.delete('v');
      else params.set('v', String(next.v));
    }
    if (next.tab && next.v === undefined) params.delete('v');
    setSearch(params);
  };

  const saved = (version: number) => {
    void message.success(m('savedVersion', { version }));
    void queryClient.invalidateQueries({ queryKey: ['AdminListTypes'] });
    void queryClient.invalidateQueries({ queryKey: ['AdminKeywordLists'] });
    void queryClient.invalidateQueries({ queryKey: ['AdminVocabularyHistory'] });
  };
  const refused = (base: number, reload: () => void) => (error: Error) => {
    if (error instanceof ApiError && error.code === 'EDIT_CONFLICT') {
      void message.warning(m('conflict', { version: base }), 8);
      reload();
    } else void message.error(describeError(error, t).message, 8);
  };
  const setTypes = useApiMutation('AdminSetListTypes');
  const setLists = useApiMutation('AdminSetKeywordLists');

  const typesData = listTypes.data?.listTypes;
  const types = typesDraft && typesData && typesDraft.version === typesData.version && !former ? typesDraft.types : (typesData?.types ?? []);
  const listsData = keywordLists.data?.keywordLists;
  const lists = listsDraft && listsData && listsDraft.version === listsData.version && !former ? listsDraft.lists : (listsData?.lists ?? []);

  const editType = (code: string, spellings: string[]) => typesData && setTypesDraft({ version: typesData.version, types: types.map((x) => (x.code === code ? { ...x, spellings } : x)) });
  const editList = (name: string, keywords: string[]) => listsData && setListsDraft({ version: listsData.version, lists: lists.map((x) => (x.name === name ? { ...x, keywords } : x)) });

  const typeColumns: TableColumnsType<ListType> = [
    { title: m('colCode'), dataIndex: 'code', width: 230, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: m('colTypeName'), key: 'name', width: 200, render: (_, x) => <span title={lang === 'zh' ? x.nameEn : x.name}>{lang === 'zh' ? x.name : x.nameEn}</span> },
    { title: m('colMeaning'), dataIndex: 'meaning', width: 180, render: (meaning: ListType['meaning']) => <Tag color={meaningColor[meaning]}>{m(`meaning${meaning}`)}</Tag> },
    {
      title: m('colSpellings'),
      key: 'spellings',
      render: (_, x) => <WordTags words={x.spellings} editable={mayEdit} addLabel={m('addSpelling')} placeholder={m('spellingPlaceholder')} onChange={(next) => editType(x.code, next)} />,
    },
  ];
  const listColumns: TableColumnsType<KeywordList> = [
    { title: m('colListName'), key: 'name', width: 220, render: (_, x) => <span title={x.name}>{lang === 'zh' ? x.title.zh : x.title.en}</span> },
    { title: m('colFields'), dataIndex: 'fields', width: 220, render: (fields: KeywordList['fields']) => fields.map((f) => <Tag key={f}>{m(`field${f}`)}</Tag>) },
    {
      title: m('colKeywords'),
      key: 'keywords',
      render: (_, x) => <WordTags words={x.keywords} editable={mayEdit} addLabel={m('addKeyword')} placeholder={m('keywordPlaceholder')} onChange={(next) => editList(x.name, next)} />,
    },
  ];

  const current = tab === 'listTypes' ? typesData : listsData;
  const query = tab === 'listTypes' ? listTypes : keywordLists;
  const pending =
    tab === 'listTypes'
      ? changeCount(typesData?.types ?? [], types, (x) => x.code, (x) => x.spellings)
      : changeCount(listsData?.lists ?? [], lists, (x) => x.name, (x) => x.keywords);

  const save = (reason: string) => {
    if (tab === 'listTypes' && typesData) {
      const base = typesData.version;
      setTypes.mutate(
        { expectedVersion: base, reason, types: types.map(({ code, name, nameEn, meaning, spellings }) => ({ code, name, nameEn, meaning, spellings })) },
        { onSuccess: (r) => (setTypesDraft(null), saved(r.setListTypes.version)), onError: refused(base, () => (setTypesDraft(null), void listTypes.refetch())) },
      );
    } else if (tab === 'keywordLists' && listsData) {
      const base = listsData.version;
      setLists.mutate(
        { expectedVersion: base, reason, lists: lists.map(({ name, title, fields, keywords }) => ({ name, title: { zh: title.zh, en: title.en }, fields, keywords })) },
        { onSuccess: (r) => (setListsDraft(null), saved(r.setKeywordLists.version)), onError: refused(base, () => (setListsDraft(null), void keywordLists.refetch())) },
      );
    }
  };

  const body = (
    <Space direction="vertical" size={12} className="vocab-body">
      {current && (
        <Space wrap>
          <Tag color="processing" data-testid="vocab-version-current" data-version={current.version}>
            {m('version', { version: current.version })}
          </Tag>
          <Typography.Text type="secondary">{current.source === 'SHIPPED' ? m('sourceShipped') : m('sourceDatabase')}</Typography.Text>
        </Space>
      )}
      {former != null && (
        <Alert
          type="info"
          showIcon
          title={m('viewingFormer', { version: former })}
          action={
            <Button size="small" onClick={() => go({ v: null })}>
              {m('backToCurrent')}
            </Button>
          }
        />
      )}
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {tab === 'listTypes' ? (
        <Table<ListType>
          rowKey="code"
          size="middle"
          loading={listTypes.isPending}
          dataSource={types}
          columns={typeColumns}
          pagination={false}
          data-testid="list-types-table"
          onRow={(x) => ({ 'data-testid': 'list-type-row', 'data-code': x.code }) as HTMLAttributes<HTMLElement>}
        />
      ) : (
        <Table<KeywordList>
          rowKey="name"
          size="middle"
          loading={keywordLists.isPending}
          dataSource={lists}
          columns={listColumns}
          pagination={false}
          data-testid="keyword-lists-table"
          onRow={(x) => ({ 'data-testid': 'keyword-list-row', 'data-name': x.name }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {mayEdit && (
        <SaveBar
          key={`${tab}-${current?.version ?? 0}`}
          pending={pending}
          saving={setTypes.isPending || setLists.isPending}
          onSave={save}
          onDiscard={() => (tab === 'listTypes' ? setTypesDraft(null) : setListsDraft(null))}
        />
      )}
      <VersionHistory key={tab} vocabulary={tab === 'listTypes' ? 'LIST_TYPES' : 'KEYWORD_LISTS'} onOpen={(v) => go({ v })} />
    </Space>
  );

  return (
    <main className="admin-screen" data-testid="vocabularies-screen">
      <div className="admin-head">
        <div>
          <Typography.Title level={3}>{m('vocabTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{m('vocabIntro')}</Typography.Paragraph>
        </div>
      </div>
      {me.user.role !== 'sysadmin' && <Alert type="info" showIcon title={m('vocabReadOnly')} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as Tab })}
        items={[
          { key: 'listTypes', label: <span data-testid="vocab-tab-listTypes">{m('tabListTypes')}</span>, children: tab === 'listTypes' ? body : null },
          { key: 'keywordLists', label: <span data-testid="vocab-tab-keywordLists">{m('tabKeywordLists')}</span>, children: tab === 'keywordLists' ? body : null },
        ]}
      />
    </main>
  );
}
