import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Descriptions, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { messageOr } from './parts.tsx';
import type { Provenance } from './profileTypes.ts';

/**
 * "来源": where a fact came from, one click away. A small button beside the fact opens the rows
 * that state it — file, sheet, row, import run and when it ran — as the API gives them.
 */
export function SourceButton({ provenance, label }: { provenance: readonly Provenance[]; label?: string }) {
  const m = useMessages(profileMessages);
  if (provenance.length === 0) return null;
  return (
    <Popover
      trigger="click"
      placement="leftTop"
      title={m('sourceTitle', { n: provenance.length })}
      content={<SourceList provenance={provenance} />}
      destroyOnHidden
    >
      <Button
        type="text"
        size="small"
        className="profile-source-button"
        icon={<FileSearchOutlined />}
        aria-label={label ? `${m('source')}：${label}` : m('source')}
        data-testid="source-button"
      >
        {m('source')}
      </Button>
    </Popover>
  );
}

function SourceList({ provenance }: { provenance: readonly Provenance[] }) {
  const m = useMessages(profileMessages);
  return (
    <div className="profile-source-list" data-testid="source-popover">
      {provenance.map((p) => (
        <Descriptions
          key={p.entry}
          className="profile-source-entry"
          data-testid="source-entry"
          size="small"
          column={1}
          bordered
          items={[
            { key: 'file', label: m('source.file'), children: <span data-testid="source-file">{p.file ?? m('source.unrecorded')}</span> },
            ...(p.sheet ? [{ key: 'sheet', label: m('source.sheet'), children: p.sheet }] : []),
            { key: 'row', label: m('source.row'), children: <span data-testid="source-row">{p.row}</span> },
            ...(p.recordKind ? [{ key: 'kind', label: m('source.kind'), children: messageOr(m, `record.${p.recordKind}`, p.recordKind) }] : []),
            { key: 'run', label: m('source.run'), children: <Typography.Text copyable={{ text: p.runId }}>{p.runId}</Typography.Text> },
            ...(p.importedAt ? [{ key: 'at', label: m('source.at'), children: dayjs(p.importedAt).format('YYYY-MM-DD HH:mm:ss') }] : []),
            ...(p.runStatus && p.runStatus !== 'completed' ? [{ key: 'status', label: m('source.status'), children: p.runStatus }] : []),
            ...(p.fileHash
              ? [{ key: 'hash', label: m('source.hash'), children: <Typography.Text title={p.fileHash} copyable={{ text: p.fileHash }}>{`${p.fileHash.slice(0, 12)}…`}</Typography.Text> }]
              : []),
          ]}
        />
      ))}
    </div>
  );
}
