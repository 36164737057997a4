import { ApartmentOutlined, GlobalOutlined, HomeOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n.ts';
import { paths } from '../paths.ts';

/** Which main-menu entry the address belongs to; a profile or chart belongs to neither. */
function menuKeyOf(pathname: string): string[] {
  if (pathname === '/') return ['home'];
  if (pathname.startsWith('/explore')) return ['explore'];
  return [];
}

export interface AppHeaderProps {
  /** The main menu: only for roles whose work is the case data. */
  showMenu: boolean;
  /** Who is signed in and their menu, once someone is. */
  account: ReactNode;
}

/** Brand, the main menu (首页/搜索, 关系网络), the account menu and the language switch. */
export function AppHeader({ showMenu, account }: AppHeaderProps) {
  const { lang, t, setLang } = useI18n();
  const location = useLocation();
  return (
    <Layout.Header className="app-header" data-testid="app-header">
      <Link to={paths.home()} className="brand" aria-label={t('app.name')}>
        <span className="brand-mark" aria-hidden="true">
          穿
        </span>
        <span className="brand-name">{lang === 'zh' ? '穿透' : 'Chuantou 穿透'}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      {showMenu ? (
        <Menu
          className="app-menu"
          theme="dark"
          mode="horizontal"
          selectedKeys={menuKeyOf(location.pathname)}
          data-testid="main-menu"
          items={[
            { key: 'home', icon: <HomeOutlined />, label: <Link to={paths.home()}>{t('nav.home')}</Link> },
            { key: 'explore', icon: <ApartmentOutlined />, label: <Link to={paths.explore([])}>{t('nav.explore')}</Link> },
          ]}
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
