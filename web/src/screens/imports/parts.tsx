// Small parts both imports screens draw.

import { Tag, Tooltip } from 'antd';
import type { ImportRunStatus } from '../../api/generated.ts';
import { inLanguage, type Lang } from '../../i18n.ts';
import { runState, type RunState } from './importText.ts';
import type { ImportsMessage } from './messages.ts';

type M = (key: ImportsMessage, params?: Record<string, string | number>) => string;

/** A server message "中文 / English": the reader's half, the whole in a tooltip. */
export function BilingualText({ message, lang }: { message: string; lang: Lang }) {
  const shown = inLanguage(message, lang);
  return shown === message ? <span>{message}</span> : <Tooltip title={message}><span>{shown}</span></Tooltip>;
}

const KNOWN_KINDS = new Set(['registrations', 'shareholders', 'officers', 'members', 'branches', 'lists', 'approvals', 'changes', 'relations', 'boFilings', 'bods', 'gleif']);

/** A record kind in the reader's words; a kind this screen does not know, as the server names it. */
export function kindLabel(kind: string, m: M): string {
  return KNOWN_KINDS.has(kind) ? m(`kind.${kind}` as ImportsMessage) : kind;
}

const STATE_COLOURS: Record<RunState, string> = { running: 'processing', interrupted: 'warning', completed: 'success', failed: 'error', retracted: 'default' };

export function RunStateTag({ status, activeHere, m }: { status: ImportRunStatus; activeHere: boolean; m: M }) {
  const state = runState(status, activeHere);
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="run-state" data-state={state}>
      {m(`status.${state}`)}
    </Tag>
  );
}
