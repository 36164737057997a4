import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Result, Typography } from 'antd';
import type { Me, Role } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';

const purpose: Partial<Record<Role, MessageKey>> = {
  sysadmin: 'rolePage.sysadmin',
  auditor: 'rolePage.auditor',
  viewer: 'rolePage.viewer',
};

/**
 * What a role without case data signs in to: a plain statement of what the role is for, in place
 * of a search the server would refuse (separation of duties). Their own screens come later.
 */
export function RolePage({ me }: { me: Me }) {
  const { t } = useI18n();
  const role = me.user.role;
  const text = purpose[role];
  return (
    <main className="auth-page">
      <Card className="auth-card role-card" data-testid="role-page" data-role={role}>
        <Result
          icon={<SafetyCertificateOutlined />}
          title={t('rolePage.title', { role: t(`role.${role}`) })}
          subTitle={t('rolePage.jurisdiction', { code: me.user.jurisdiction })}
        >
          {text && <Typography.Paragraph className="role-purpose">{t(text)}</Typography.Paragraph>}
        </Result>
      </Card>
    </main>
  );
}
