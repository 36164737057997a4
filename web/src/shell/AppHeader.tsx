import { GlobalOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Role } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { paths } from '../paths.ts';
import { homeOf } from './access.ts';
import { menuFor, menuKeyOf } from './menu.ts';

export interface AppHeaderProps {
  /** Whose main menu to show (menu.ts); null for none (signing in, a required password change). */
  role: Role | null;
  /** Who is signed in and their menu, once someone is. */
  account: ReactNode;
}

/** Brand, the main menu of the user's role, the account menu and the language switch. */
export function AppHeader({ role, account }: AppHeaderProps) {
  const { lang, t, setLang } = useI18n();
  const location = useLocation();
  return (
    <Layout.Header className="app-header" data-testid="app-header">
      <Link to={role ? homeOf(role) : paths.home()} className="brand" aria-label={t('app.name')}>
        <span className="brand-mark" aria-hidden="true">
          穿
        </span>
        <span className="brand-name">{lang === 'zh' ? '穿透' : 'Chuantou 穿透'}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      {role ? (
        <Menu
          className="app-menu"
          theme="dark"
          mode="horizontal"
          selectedKeys={[menuKeyOf(role, location.pathname) ?? '']}
          data-testid="main-menu"
          items={menuFor(role).map((item) => ({ key: item.key, label: <Link to={item.path} data-testid={`nav-${item.key}`}>{t(item.label)}</Link> }))}
        />
      ) : (
        <span className="app-menu" />
      )}
      <div className="header-right">
        {account}
        <Tooltip title={t('lang.switchTitle')}>
          <Button
            className="lang-toggle"
            data-testid="lang-toggle"
            ghost
            icon={<GlobalOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('lang.switch')}
          </Button>
        </Tooltip>
      </div>
    </Layout.Header>
  );
}
