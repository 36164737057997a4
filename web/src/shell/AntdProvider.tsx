import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import type { Lang } from '../i18n.ts';
import { pageStyleNonce } from './styleNonce.ts';

// Ant Design writes its styles into <style> elements at run time, with the page's nonce.
const csp = { nonce: pageStyleNonce };

const antdLocale = { zh: zhCN, en: enUS } as const;
const dayjsLocale = { zh: 'zh-cn', en: 'en' } as const;

// Clerks' screens are dense: the compact-ish 14 px base in the app's accent blue.
const theme = {
  components: {
    Layout: { headerBg: '#0b2545', headerHeight: 52, headerPadding: '0 20px', bodyBg: '#f3f5f8' },
    Menu: { darkItemBg: '#0b2545', darkPopupBg: '#0b2545', darkItemSelectedBg: '#2f6fb5' },
  },
  token: { colorPrimary: '#2f6fb5', borderRadius: 4, fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif' },
};

/** Ant Design in the app's language (its own strings and date pickers), under the page's CSP. */
export function AntdProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  // Set during render, before any picker below reads it: dayjs's locale is global.
  dayjs.locale(dayjsLocale[lang]);
  return (
    <ConfigProvider locale={antdLocale[lang]} csp={csp} theme={theme}>
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
