import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatMoneyWan, formatPercent } from '../../format.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { profileMessages, type ProfileMessage } from './messages.ts';
import type { EntityRef } from './profileTypes.ts';

/** Small pieces every section of the profile uses: links to other profiles, values as clerks read them. */

/** Another firm or person, by name, linking to its own profile. */
export function EntityLink({ entity, showStatus = true }: { entity: Pick<EntityRef, 'key' | 'name' | 'kind' | 'status' | 'inactive'>; showStatus?: boolean }) {
  const m = useMessages(profileMessages);
  return (
    <Space size={4} wrap={false} className="profile-entity-link">
      {entity.kind === 'PERSON' ? <UserOutlined aria-label={m('kind.PERSON')} /> : <BankOutlined aria-label={m('kind.COMPANY')} />}
      <Link to={paths.entity(entity.key)} data-testid="entity-link" data-key={entity.key}>
        {entity.name}
      </Link>
      {showStatus && entity.status && <StatusTag status={entity.status} inactive={entity.inactive} />}
    </Space>
  );
}

/** 登记状态: red for a firm whose registration has ended, green for one in business. */
export function StatusTag({ status, inactive }: { status: string; inactive: boolean }) {
  return (
    <Tag color={inactive ? 'red' : /存续|在业|开业|正常/.test(status) ? 'green' : 'default'} data-testid="status-tag">
      {status}
    </Tag>
  );
}

/** A person's ID number as the API gives it (masked unless the reader may see it in full); a firm's code. */
export function IdentifierText({ entity }: { entity: Pick<EntityRef, 'identifier' | 'idNumber' | 'kind'> }) {
  const value = entity.kind === 'PERSON' ? (entity.idNumber ?? entity.identifier) : entity.identifier;
  if (!value) return null;
  return (
    <Typography.Text className="profile-id" data-testid="id-number">
      {value}
    </Typography.Text>
  );
}

/** A ratio as two-decimal percent, the source's spelling on hover. */
export function PercentText({ ratio, sourceText }: { ratio: number | null; sourceText?: string | null }) {
  const m = useMessages(profileMessages);
  if (ratio == null) return <span>{sourceText ?? m('none')}</span>;
  const text = formatPercent(ratio);
  return sourceText && sourceText !== text ? (
    <Tooltip title={sourceText}>
      <span className="profile-sourced">{text}</span>
    </Tooltip>
  ) : (
    <span>{text}</span>
  );
}

/** Money in 万元 with its currency; what the source wrote on hover. */
export function MoneyText({ money }: { money: { amountWan: number; currency: string; text: string } | null }) {
  const { lang } = useI18n();
  const m = useMessages(profileMessages);
  if (!money) return <span>{m('none')}</span>;
  return (
    <Tooltip title={money.text}>
      <span className="profile-sourced">{formatMoneyWan(money.amountWan, money.currency, lang)}</span>
    </Tooltip>
  );
}

/** From–to of a relationship, with an "ended" tag once it has ended. */
export function PeriodText({ validFrom, validTo, endedLabel }: { validFrom: string | null; validTo: string | null; endedLabel?: string }) {
  const m = useMessages(profileMessages);
  if (!validFrom && !validTo) return <span>{m('none')}</span>;
  return (
    <Space size={4} wrap>
      <span>{validFrom && validTo ? `${formatDate(validFrom)} ~ ${formatDate(validTo)}` : validFrom ? m('since', { date: formatDate(validFrom) }) : m('until', { date: formatDate(validTo) })}</span>
      {validTo && <Tag>{endedLabel ?? m('ended')}</Tag>}
    </Space>
  );
}

/** The screen's wording of a code the API may extend (a relationship, a reason); the code itself when it has none. */
export function messageOr(m: (key: ProfileMessage) => string, key: string, fallback: string): string {
  return key in profileMessages.zh ? m(key as ProfileMessage) : fallback;
}
