import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, type ButtonProps, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../components/common.tsx';
import { useApiMutation } from '../../api/hooks.ts';
import type { SamePersonDecision } from '../../api/generated.ts';
import { formatDate } from '../../format.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { profileMessages } from './messages.ts';
import { EntityLink, IdentifierText, messageOr } from './parts.tsx';
import type { Profile, SamePersonLink } from './profileTypes.ts';

const STATUS_COLOR = { PROPOSED: 'orange', CONFIRMED: 'green', REJECTED: 'default' } as const;

interface Pending {
  link: SamePersonLink;
  decision: SamePersonDecision;
}

/**
 * "Possibly the same person" candidates: same-name people an import could not tell apart. An
 * investigator confirms or rejects each with a reason (kept on the link and in the audit trail);
 * a regulator sees them, without the buttons.
 */
export function SamePersonSection({ profile, mayDecide }: { profile: Profile; mayDecide: boolean }) {
  const m = useMessages(profileMessages);
  const [pending, setPending] = useState<Pending | null>(null);
  const names = personNames(profile);
  const nameOf = (key: string) => names.get(key) ?? key;

  const columns: TableColumnsType<SamePersonLink> = [
    ...(profile.kind === 'COMPANY'
      ? [
          {
            key: 'person',
            title: m('samePersonOf'),
            render: (_: unknown, l: SamePersonLink) => <Link to={paths.entity(l.person)}>{nameOf(l.person)}</Link>,
          },
        ]
      : []),
    {
      key: 'other',
      title: m('samePersonOther'),
      render: (_, l) => (
        <div>
          <EntityLink entity={l.other} />
          <div>
            <IdentifierText entity={l.other} />
          </div>
        </div>
      ),
    },
    {
      key: 'firms',
      title: m('otherFirms'),
      render: (_, l) => (
        <Space size={[8, 2]} wrap>
          {l.otherFirms.map((f) => (
            <Link key={f.key} to={paths.entity(f.key)}>
              {f.name}
            </Link>
          ))}
        </Space>
      ),
    },
    {
      key: 'reasons',
      title: m('reasons'),
      render: (_, l) => (
        <Space size={[4, 4]} wrap>
          {l.reasons.map((r) => (
            <Tag key={r}>{messageOr(m, `reason.${r}`, r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: m('decision'),
      filters: (['PROPOSED', 'CONFIRMED', 'REJECTED'] as const).map((s) => ({ text: m(`status.${s}`), value: s })),
      onFilter: (value, l) => l.status === value,
      render: (_, l) => (
        <div>
          <Tag color={STATUS_COLOR[l.status]} data-testid="same-person-status" data-status={l.status}>
            {m(`status.${l.status}`)}
          </Tag>
          {l.status !== 'PROPOSED' && l.decidedBy && (
            <Typography.Paragraph type="secondary" className="profile-decision" data-testid="same-person-decision">
              {m('decidedBy', { by: l.decidedBy, on: formatDate(l.decidedOn), reason: l.decisionReason ?? '' })}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    ...(mayDecide
      ? [
          {
            key: 'actions',
            title: '',
            width: 220,
            render: (_: unknown, l: SamePersonLink) =>
              l.status === 'PROPOSED' && (
                <Space size={4}>
                  <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="same-person-confirm" onClick={() => setPending({ link: l, decision: 'CONFIRMED' })}>
                    {m('confirm')}
                  </Button>
                  <Button size="small" icon={<CloseOutlined />} data-testid="same-person-reject" onClick={() => setPending({ link: l, decision: 'REJECTED' })}>
                    {m('reject')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="same-person">
      <Typography.Paragraph type="secondary">{m('samePersonIntro')}</Typography.Paragraph>
      <Table<SamePersonLink>
        size="small"
        rowKey={(l) => `${l.person}-${l.other.key}`}
        columns={columns}
        dataSource={profile.samePersonCandidates.nodes}
        pagination={false}
        locale={{ emptyText: m('empty') }}
        data-testid="same-person-table"
      />
      {mayDecide && pending && <DecisionModal pending={pending} personName={nameOf(pending.link.person)} onClose={() => setPending(null)} />}
    </div>
  );
}

/** The names of the people a firm's candidates are about: its officers and person holders. */
function personNames(profile: Profile): Map<string, string> {
  const names = new Map<string, string>([[profile.entity.key, profile.entity.name]]);
  for (const o of profile.officers.nodes) names.set(o.person.key, o.person.name);
  for (const h of profile.holders.nodes) names.set(h.entity.key, h.entity.name);
  if (profile.legalRepresentative) names.set(profile.legalRepresentative.person.key, profile.legalRepresentative.person.name);
  return names;
}

/** The reason is required: the decision merges or separates two people's records for everyone. */
function DecisionModal({ pending, personName, onClose }: { pending: Pending; personName: string; onClose: () => void }) {
  const m = useMessages(profileMessages);
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useApiMutation('DecideSamePerson', {
    onSuccess: async () => {
      // Both people's profiles, and those of the firms they serve, show the link: every profile is refetched.
      await queryClient.invalidateQueries({ queryKey: ['Profile'] });
      message.success(m('decided'));
      onClose();
    },
  });
  const submit = () =>
    form.validateFields().then(
      ({ reason }) => decide.mutate({ person: pending.link.person, other: pending.link.other.key, decision: pending.decision, reason: reason.trim() }),
      // The form shows what is missing under the field; nothing is sent.
      () => undefined,
    );
  const titleKey = pending.decision === 'CONFIRMED' ? 'decideTitleConfirm' : 'decideTitleReject';
  return (
    <Modal
      open
      title={m(titleKey, { a: personName, b: pending.link.other.name })}
      okText={m('decideOk')}
      cancelText={m('decideCancel')}
      okButtonProps={{ danger: pending.decision === 'REJECTED', 'data-testid': 'same-person-submit' } as ButtonProps}
      confirmLoading={decide.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="same-person-modal"
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={m('decideReason')}
          required
          rules={[
            {
              validator: (_, value: unknown) =>
                typeof value === 'string' && value.trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(m('decideReasonRequired'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={m('decideReasonPlaceholder')} data-testid="same-person-reason" />
        </Form.Item>
      </Form>
      {decide.error && <Typography.Text type="danger">{describeError(decide.error, t).message}</Typography.Text>}
    </Modal>
  );
}
