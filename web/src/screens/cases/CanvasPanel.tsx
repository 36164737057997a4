// The case's saved canvases: open one as it was saved (positions, hidden entities), move, hide and
// add entities, save over it or as a new canvas. A save names the version it was made on; when
// someone saved in between, the API refuses (EDIT_CONFLICT) and the user chooses: reload theirs,
// or keep this picture as a copy. The case's hand-entered relations are drawn over it in their
// own style, and can be switched off.

import { EyeInvisibleOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Empty, Form, Input, Modal, Select, Space, Switch, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import type { CaseFileQuery } from '../../api/generated.ts';
import { apiQueryOptions, useApiMutation } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { vocabulary } from '../../graph/explorer/vocabulary.ts';
import type { Naming } from '../../graph/style.ts';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { CaseCanvasView, type CaseCanvasHandle } from './CaseCanvasView.tsx';
import { addNetwork, drawing, emptyCanvas, fromSaved, hideNodes, showAll, toInput, withPositions, type WorkingCanvas } from './canvasModel.ts';
import { EntityPicker, type PickedEntity } from './EntityPicker.tsx';
import { messages, relationKindKey } from './messages.ts';

type CaseFile = CaseFileQuery['case'];

interface Editor {
  id: string;
  title: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
  canvas: WorkingCanvas;
  dirty: boolean;
  /** Raised by each load from the server: the drawing starts over from the saved positions. */
  loads: number;
}

interface Conflict {
  mine: number;
  current: number;
  changedBy: string;
  changedAt: string;
}

interface Props {
  caseFile: CaseFile;
  canvasId: string | null;
  openCanvas: (id: string | null) => void;
  showHand: boolean;
  setShowHand: (show: boolean) => void;
  displayName: (user: string) => string;
  /** Tells the screen the names of the entities on the open canvas (the relation form offers them). */
  onEntities: (entities: PickedEntity[]) => void;
}

/** A neighbourhood small enough to lay on a ring and read: the canvas is a working picture. */
const NEIGHBOURHOOD = { depth: 1, limit: 60, budget: 400 } as const;

export function CanvasPanel({ caseFile, canvasId, openCanvas, showHand, setShowHand, displayName, onEntities }: Props) {
  const m = useMessages(messages);
  const v = useMessages(vocabulary);
  const queryClient = useQueryClient();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState<'new' | 'copy' | null>(null);
  const [adding, setAdding] = useState<{ key?: string; neighbours: boolean }>({ neighbours: false });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const handle = useRef<CaseCanvasHandle | null>(null);
  const loads = useRef(0);
  const caseId = caseFile.id;

  const naming = useMemo<Naming>(() => ({ type: (type) => v(`type.${type}`), more: (count, type) => `+${count} ${v(`type.${type}`)}` }), [v]);

  const load = useCallback(
    async (id: string) => {
      setLoading(true);
      setLoadError(null);
      try {
        const data = await queryClient.fetchQuery({ ...apiQueryOptions('CaseCanvas', { caseId, canvasId: id }), staleTime: 0 });
        const c = data.caseCanvas;
        loads.current += 1;
        setEditor({ id: c.id, title: c.title, version: c.version, updatedBy: c.updatedBy, updatedAt: c.updatedAt, canvas: fromSaved(c.content), dirty: false, loads: loads.current });
        setSelected([]);
      } catch (error) {
        setLoadError(error);
      } finally {
        setLoading(false);
      }
    },
    [caseId, queryClient],
  );

  useEffect(() => {
    if (canvasId && editor?.id !== canvasId) void load(canvasId);
    if (!canvasId) setEditor(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a load when the canvas asked for changes
  }, [canvasId]);

  useEffect(() => {
    onEntities(editor ? editor.canvas.nodes.map((n) => ({ key: n.key, name: n.name })) : []);
  }, [editor, onEntities]);

  const relations = caseFile.relations.nodes;
  const drawn = useMemo(
    () => drawing(editor?.canvas ?? emptyCanvas, relations, showHand, naming, (kind) => m(relationKindKey(kind))),
    [editor?.canvas, relations, showHand, naming, m],
  );

  /** The working canvas with the positions the user dragged to. */
  const current = (): WorkingCanvas => withPositions(editor!.canvas, handle.current?.positions() ?? new Map());

  const save = useApiMutation('SaveCaseCanvas');
  const create = useApiMutation('CreateCaseCanvas');
  const refreshCase = () => queryClient.invalidateQueries({ queryKey: ['CaseFile', { id: caseId }] });

  const saveOver = async () => {
    if (!editor) return;
    const canvas = current();
    setActionError(null);
    try {
      const saved = (await save.mutateAsync({ caseId, canvasId: editor.id, expectedVersion: editor.version, content: toInput(canvas) })).saveCaseCanvas;
      setEditor({ ...editor, canvas, version: saved.version, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt, dirty: false });
      void message.success(m('saved', { version: saved.version }));
      void refreshCase();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EDIT_CONFLICT') {
        // Who saved in between, and when: read from the canvas as it is now (the user's picture stays on screen).
        const now = (await queryClient.fetchQuery({ ...apiQueryOptions('CaseCanvas', { caseId, canvasId: editor.id }), staleTime: 0 })).caseCanvas;
        setEditor({ ...editor, canvas });
        setConflict({ mine: editor.version, current: now.version, changedBy: now.updatedBy, changedAt: now.updatedAt });
      } else setActionError(error);
    }
  };

  const saveAsNew = async (title: string, canvas: WorkingCanvas) => {
    setActionError(null);
    try {
      const made = (await create.mutateAsync({ caseId, title, content: toInput(canvas) })).createCaseCanvas;
      setCreating(null);
      setConflict(null);
      void refreshCase();
      setEditor(null);
      openCanvas(made.id);
      void message.success(m('savedAsNew', { title }));
    } catch (error) {
      setActionError(error);
    }
  };

  const neighbourhoodOf = (key: string) =>
    queryClient.fetchQuery({ ...apiQueryOptions('Neighborhood', { key, ...NEIGHBOURHOOD }), staleTime: 60_000 }).then((d) => d.neighborhood);

  const newCanvas = async (title: string, centre: string) => {
    setBusy(true);
    try {
      const network = await neighbourhoodOf(centre);
      await saveAsNew(title, addNetwork(emptyCanvas, network, centre));
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const addEntity = async () => {
    if (!editor || !adding.key) return;
    setBusy(true);
    setActionError(null);
    try {
      const network = await neighbourhoodOf(adding.key);
      const present = new Set(editor.canvas.nodes.map((n) => n.key));
      // Without its neighbours: the entity alone, joined to what the canvas already holds.
      const wanted = adding.neighbours ? network : { ...network, nodes: network.nodes.filter((n) => n.id === adding.key || n.key === adding.key || n.center || present.has(n.id)) };
      setEditor({ ...editor, canvas: addNetwork(current(), wanted, adding.key), dirty: true });
      setAdding({ neighbours: adding.neighbours });
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const selectedNodes = selected.filter((id) => drawn.nodes.some((n) => n.id === id));
  const selectedHand = drawn.edges.find((e) => e.hand && selected.includes(e.id));
  const handRelation = selectedHand ? relations.find((r) => r.id === selectedHand.relationId) : undefined;
  const selectedNode = selectedNodes.length === 1 ? editor?.canvas.nodes.find((n) => n.key === selectedNodes[0]) : undefined;
  const canvases = caseFile.canvases.nodes;

  return (
    <div className="case-canvas-panel">
      <Space wrap className="case-canvas-bar">
        <Select
          className="case-canvas-select"
          placeholder={m('pickCanvas')}
          value={canvasId ?? undefined}
          onChange={(id: string) => openCanvas(id)}
          options={canvases.map((c) => ({ value: c.id, label: `${c.title}（${m('elementsCount', { n: c.elements })}）` }))}
          data-testid="canvas-select"
          notFoundContent={m('noCanvases')}
        />
        <Button icon={<PlusOutlined />} onClick={() => setCreating('new')} data-testid="canvas-new">
          {m('newCanvas')}
        </Button>
        {editor && (
          <>
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void saveOver()} data-testid="canvas-save">
              {m('save')}
            </Button>
            <Button onClick={() => setCreating('copy')} data-testid="canvas-save-as">
              {m('saveAsNew')}
            </Button>
            {editor.dirty && <Tag color="orange" data-testid="canvas-dirty">{m('unsaved')}</Tag>}
          </>
        )}
      </Space>

      {loadError != null && <ErrorNotice error={loadError} onRetry={() => canvasId && void load(canvasId)} />}
      {actionError != null && <ErrorNotice error={actionError} />}
      {!editor && !loading && canvases.length === 0 && <Empty description={m('noCanvasesHint')} />}

      {editor && (
        <>
          <Space wrap className="case-canvas-tools" data-testid="canvas-open" data-canvas-id={editor.id} data-version={editor.version}>
            <Typography.Text type="secondary" data-testid="canvas-version">
              {m('versionLine', { version: editor.version, user: displayName(editor.updatedBy), time: formatDateTime(editor.updatedAt) })}
            </Typography.Text>
            <EntityPicker known={[]} value={adding.key} onChange={(key) => setAdding({ ...adding, key })} testId="canvas-add-picker" />
            <Checkbox checked={adding.neighbours} onChange={(e) => setAdding({ ...adding, neighbours: e.target.checked })}>
              {m('withNeighbours')}
            </Checkbox>
            <Button disabled={!adding.key} loading={busy} onClick={() => void addEntity()} data-testid="canvas-add">
              {m('addEntity')}
            </Button>
            <Button
              icon={<EyeInvisibleOutlined />}
              disabled={selectedNodes.length === 0}
              onClick={() => setEditor({ ...editor, canvas: hideNodes(current(), selectedNodes), dirty: true })}
              data-testid="canvas-hide"
            >
              {m('hideSelected')}
            </Button>
            <Button
              icon={<EyeOutlined />}
              disabled={drawn.hidden === 0}
              onClick={() => setEditor({ ...editor, canvas: showAll(current()), dirty: true })}
              data-testid="canvas-show-hidden"
            >
              {m('showHidden', { n: drawn.hidden })}
            </Button>
            <Button onClick={() => handle.current?.fit()}>{m('fit')}</Button>
            <Space size={4}>
              <Switch size="small" checked={showHand} onChange={setShowHand} data-testid="canvas-show-hand" />
              <span>{m('showHand')}</span>
            </Space>
          </Space>
          <Typography.Paragraph type="secondary" className="case-canvas-hint">
            {m('canvasHint')}
          </Typography.Paragraph>
          <div className="case-canvas-main">
            <CaseCanvasView
              canvasKey={`${editor.id}#${editor.loads}`}
              nodes={drawn.nodes}
              edges={drawn.edges}
              onSelect={setSelected}
              onMoved={() => setEditor((e) => (e && !e.dirty ? { ...e, dirty: true } : e))}
              onReady={(h) => (handle.current = h)}
            />
            <aside className="case-canvas-side">
              {handRelation ? (
                <Descriptions size="small" column={1} title={m('handRelation')} bordered data-testid="hand-relation-details">
                  <Descriptions.Item label={m('relationKind')}>{handRelation.kind === 'OTHER' ? handRelation.label : m(relationKindKey(handRelation.kind))}</Descriptions.Item>
                  {handRelation.text && <Descriptions.Item label={m('relationText')}>{handRelation.text}</Descriptions.Item>}
                  <Descriptions.Item label={m('grade')}>{handRelation.grade}</Descriptions.Item>
                  {handRelation.informant && <Descriptions.Item label={m('informant')}>{handRelation.informant}</Descriptions.Item>}
                  {handRelation.document && <Descriptions.Item label={m('document')}>{handRelation.document}</Descriptions.Item>}
                  <Descriptions.Item label={m('author')}>
                    <span data-testid="hand-relation-author">{displayName(handRelation.author)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={m('enteredAt')}>{formatDateTime(handRelation.createdAt)}</Descriptions.Item>
                </Descriptions>
              ) : selectedNode ? (
                <Descriptions size="small" column={1} title={selectedNode.name} bordered>
                  <Descriptions.Item label={m('entityKind')}>{v(`kind.${selectedNode.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={m('entityKey')}>{selectedNode.key}</Descriptions.Item>
                  <Descriptions.Item label={m('profile')}>
                    <Link to={paths.entity(selectedNode.key)}>{m('openProfile')}</Link>
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">{m('selectHint')}</Typography.Text>
              )}
              {showHand && drawn.offCanvas.length > 0 && <Alert type="info" showIcon className="case-offcanvas" title={m('offCanvas', { n: drawn.offCanvas.length })} />}
            </aside>
          </div>
        </>
      )}

      <CanvasTitleModal
        open={creating != null}
        mode={creating ?? 'new'}
        defaultTitle={creating === 'copy' && editor ? m('copyTitle', { title: editor.title }) : ''}
        busy={busy || create.isPending}
        onCancel={() => setCreating(null)}
        onOk={(title, centre) => {
          if (creating === 'copy' && editor) void saveAsNew(title, current());
          else if (centre) void newCanvas(title, centre);
        }}
      />

      <Modal
        open={conflict != null}
        title={m('conflictTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Space>
            <Button onClick={() => setConflict(null)} data-testid="conflict-keep">
              {m('conflictKeep')}
            </Button>
            <Button onClick={() => editor && setCreating('copy')} data-testid="conflict-copy">
              {m('conflictCopy')}
            </Button>
            <Button
              type="primary"
              onClick={() => {
                setConflict(null);
                if (editor) void load(editor.id);
              }}
              data-testid="conflict-reload"
            >
              {m('conflictReload')}
            </Button>
          </Space>
        }
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            data-testid="canvas-conflict"
            title={m('conflictText', { user: displayName(conflict.changedBy), time: formatDateTime(conflict.changedAt), current: conflict.current, mine: conflict.mine })}
            description={m('conflictChoice')}
          />
        )}
      </Modal>
    </div>
  );
}

function CanvasTitleModal(props: { open: boolean; mode: 'new' | 'copy'; defaultTitle: string; busy: boolean; onCancel: () => void; onOk: (title: string, centre: string | null) => void }) {
  const m = useMessages(messages);
  const [form] = Form.useForm<{ title: string; centre?: string }>();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ title: props.defaultTitle, centre: undefined });
  }, [props.open, props.defaultTitle, form]);
  return (
    <Modal
      open={props.open}
      title={props.mode === 'new' ? m('newCanvas') : m('saveAsNew')}
      okText={m('create')}
      cancelText={m('cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'canvas-title-ok' } as Record<string, string>}
      zIndex={1100}
    >
      <Form form={form} layout="vertical" onFinish={(values) => props.onOk(values.title.trim(), values.centre ?? null)}>
        <Form.Item name="title" label={m('canvasTitle')} rules={[{ required: true, whitespace: true, message: m('titleRequired') }]}>
          <Input maxLength={200} data-testid="canvas-title-input" />
        </Form.Item>
        {props.mode === 'new' && (
          <Form.Item name="centre" label={m('canvasCentre')} extra={m('canvasCentreHint')} rules={[{ required: true, message: m('pickEntity') }]}>
            <EntityPicker known={[]} testId="canvas-centre-picker" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
