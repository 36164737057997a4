import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { EntityLink, IdentifierText, MoneyText, PercentText, PeriodText } from './parts.tsx';
import type { Holding, HoldingList } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

const byName = (a: Holding, b: Holding) => a.entity.name.localeCompare(b.entity.name, 'zh-CN');
const byNumber = (value: (h: Holding) => number | null | undefined) => (a: Holding, b: Holding) => (value(a) ?? -1) - (value(b) ?? -1);

/** Holders of a firm, or the firms an entity holds: direct and effective %, sortable by each. */
export function HoldingsTable({ list, side, testId }: { list: HoldingList; side: 'holders' | 'holdings'; testId: string }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Holding> = [
    {
      key: 'entity',
      title: side === 'holders' ? m('holder') : m('investee'),
      sorter: byName,
      render: (_, h) => (
        <div>
          <EntityLink entity={h.entity} />
          <div>
            <IdentifierText entity={h.entity} />
          </div>
        </div>
      ),
    },
    {
      key: 'direct',
      title: m('holdingKind'),
      width: 96,
      filters: [
        { text: m('direct'), value: true },
        { text: m('indirect'), value: false },
      ],
      onFilter: (value, h) => h.direct === value,
      render: (_, h) => <Tag color={h.direct ? 'blue' : 'purple'}>{h.direct ? m('direct') : m('indirect')}</Tag>,
    },
    {
      key: 'directRatio',
      title: m('directRatio'),
      align: 'right',
      width: 110,
      sorter: byNumber((h) => h.directRatio),
      render: (_, h) => (h.direct ? <PercentText ratio={h.directRatio} sourceText={h.ratioText} /> : m('none')),
    },
    {
      key: 'effectiveRatio',
      title: (
        <Tooltip title={m('effectiveHint')}>
          <span>
            {m('effectiveRatio')} <QuestionCircleOutlined />
          </span>
        </Tooltip>
      ),
      align: 'right',
      width: 120,
      sorter: byNumber((h) => h.effectiveRatio),
      render: (_, h) => (
        <Typography.Text strong data-testid="effective-ratio">
          <PercentText ratio={h.effectiveRatio} />
        </Typography.Text>
      ),
    },
    {
      key: 'subscribed',
      title: m('subscribed'),
      align: 'right',
      sorter: byNumber((h) => h.subscribedAmount?.amountWan),
      render: (_, h) => <MoneyText money={h.subscribedAmount} />,
    },
    { key: 'period', title: m('period'), render: (_, h) => <PeriodText validFrom={h.validFrom} validTo={h.validTo} /> },
    { key: 'source', title: m('source'), width: 80, render: (_, h) => <SourceButton provenance={h.provenance} label={h.entity.name} /> },
  ];
  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary">
        {m(side === 'holders' ? 'holdersTotal' : 'holdingsTotal', { total: list.total, direct: list.directTotal })}
        {list.nodes.length < list.total && ` ${m('listCapped', { shown: list.nodes.length, total: list.total })}`}
      </Typography.Paragraph>
      {!list.exhaustive && <Alert type="warning" showIcon className="profile-gap" title={m('notExhaustive', { limits: list.limitsHit.join('、') })} />}
      <Table<Holding>
        size="small"
        rowKey={(h) => h.entity.key}
        columns={columns}
        dataSource={list.nodes}
        pagination={false}
        rowClassName={(h) => (h.validTo ? 'profile-row-ended' : '')}
        locale={{ emptyText: m('empty') }}
      />
    </div>
  );
}
