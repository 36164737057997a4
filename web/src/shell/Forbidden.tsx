import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Role } from '../api.ts';
import { useI18n, useMessages } from '../i18n.ts';
import { homeOf } from './access.ts';
import { menuFor } from './menu.ts';
import { shellMessages } from './messages.ts';

/** A screen the role may not open (access.ts): say so and offer the role's own start, never the screen. */
export function Forbidden({ role }: { role: Role }) {
  const { t } = useI18n();
  const m = useMessages(shellMessages);
  const home = homeOf(role);
  const homeEntry = menuFor(role).find((item) => item.path === home);
  return (
    <main className="auth-page" data-testid="forbidden-page">
      <Result
        status="403"
        title={m('forbiddenTitle')}
        subTitle={m('forbiddenText', { role: t(`role.${role}`) })}
        extra={
          <Link to={home} data-testid="forbidden-home">
            <Button type="primary">{m('forbiddenHome', { home: homeEntry ? t(homeEntry.label) : home })}</Button>
          </Link>
        }
      />
    </main>
  );
}
