import { createContext, useCallback, useContext } from 'react';

export type Lang = 'zh' | 'en';

// Chinese is the working language of our users; English exists for reviewers and foreign liaison.
export const DEFAULT_LANG: Lang = 'zh';
const STORAGE_KEY = 'chuantou.lang';

const zh = {
  'app.name': '穿透',
  'app.tagline': '企业与人员关系穿透分析',
  'lang.switch': 'English',
  'lang.switchTitle': '切换为英文界面',
  'nav.home': '首页/搜索',
  'nav.explore': '关系网络',
  'nav.analyses': '分析',
  'nav.reports': '报告与监测',
  'nav.inbox': '收件箱',
  'nav.imports': '数据导入',
  'nav.cases': '专案',
  'nav.accounts': '账户管理',
  'nav.vocabularies': '词表',
  'nav.auditLog': '审计日志',

  'kind.COMPANY': '企业',
  'kind.PERSON': '人员',
  'kind.COMPANY.short': '企',
  'kind.PERSON.short': '人',

  'legend.title': '图例',
  'legend.inactive': '吊销 / 注销企业',
  'legend.center': '中心主体',

  'session.checking': '正在确认登录状态…',
  'session.unreachable': '无法确认登录状态。',

  'signIn.title': '登录',
  'signIn.subtitle': '请使用单位分配的账户登录。',
  'signIn.name': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.submitting': '正在登录…',
  'signIn.missing': '请输入用户名和密码。',
  'signIn.lockedUntil': '锁定将于 {time} 解除。',
  'signIn.notice.signedOut': '您已退出登录。',
  'signIn.notice.expired': '会话已结束，请重新登录。',

  'overlay.title': '会话已结束，请重新登录',
  'overlay.text': '登录已超时，或已在别处退出。重新登录后从刚才的位置继续：当前的搜索和关系网络都会保留。',
  'overlay.otherUser': '以其他用户登录（放弃当前工作）',

  'password.title': '修改密码',
  'password.required': '首次登录或密码被重置后，须先设置新密码才能继续。',
  'password.voluntary': '修改后本次会话继续有效，下次登录请使用新密码。',
  'password.changed': '密码已修改。',
  'password.old': '原密码',
  'password.new': '新密码',
  'password.repeat': '再次输入新密码',
  'password.missing': '请填写原密码和新密码。',
  'password.mismatch': '两次输入的新密码不一致。',
  'password.submit': '修改密码',
  'password.submitting': '正在保存…',

  'account.signOut': '退出登录',
  'account.signingOut': '正在退出…',
  'account.signOutFailed': '退出登录未完成：{message}',
  'account.menuLabel': '当前用户',

  'role.sysadmin': '系统管理员',
  'role.auditor': '安全审计员',
  'role.investigator': '侦查员',
  'role.regulator': '监管人员',
  'role.viewer': '查阅人员',

  'reason.label': '查询事由',
  'reason.masked': '证件号已脱敏',
  'reason.full': '显示完整证件号',
  'reason.current': '事由：{reason}',
  'reason.set': '填写事由',
  'reason.change': '修改事由',
  'reason.clear': '清除事由',
  'reason.placeholder': '案件编号或一句说明',
  'reason.hint': '填写后本次会话显示完整证件号码；事由随每次查询记入审计日志。',
  'reason.save': '确定',
  'reason.cancel': '取消',
  'reason.empty': '请填写查询事由，或点“清除事由”。',


  'error.title': '出错了',
  'error.network': '无法连接服务器，请检查网络或稍后重试。',
  'error.http': '服务器返回 HTTP {status}。',
  'error.badResponse': '服务器返回了无法识别的数据。',
  'error.code': '错误代码：{code}',
  'error.retry': '重试',
  'error.dismiss': '关闭',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.name': 'Chuantou',
  'app.tagline': 'Look-through analysis of firms and people',
  'lang.switch': '中文',
  'lang.switchTitle': 'Switch to Chinese',
  'nav.home': 'Home / search',
  'nav.explore': 'Network',
  'nav.analyses': 'Analyses',
  'nav.reports': 'Reports & watches',
  'nav.inbox': 'Inbox',
  'nav.imports': 'Imports',
  'nav.cases': 'Cases',
  'nav.accounts': 'Accounts',
  'nav.vocabularies': 'Vocabularies',
  'nav.auditLog': 'Audit log',

  'kind.COMPANY': 'Firm',
  'kind.PERSON': 'Person',
  'kind.COMPANY.short': 'F',
  'kind.PERSON.short': 'P',

  'legend.title': 'Legend',
  'legend.inactive': 'Revoked / deregistered firm',
  'legend.center': 'Centre entity',

  'session.checking': 'Checking your sign-in…',
  'session.unreachable': 'Could not check whether you are signed in.',

  'signIn.title': 'Sign in',
  'signIn.subtitle': 'Sign in with the account your office gave you.',
  'signIn.name': 'User name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.missing': 'Enter your user name and password.',
  'signIn.lockedUntil': 'Locked until {time}.',
  'signIn.notice.signedOut': 'You have signed out.',
  'signIn.notice.expired': 'Your session has ended. Sign in again.',

  'overlay.title': 'Your session has ended: sign in again',
  'overlay.text': 'The session timed out or was ended elsewhere. Sign in to carry on where you were: your search and network are kept.',
  'overlay.otherUser': 'Sign in as another user (drops the current work)',

  'password.title': 'Change password',
  'password.required': 'After the first sign-in or a password reset, set a new password to continue.',
  'password.voluntary': 'This session carries on; sign in with the new password next time.',
  'password.changed': 'Password changed.',
  'password.old': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'New password again',
  'password.missing': 'Enter the current and the new password.',
  'password.mismatch': 'The two new passwords differ.',
  'password.submit': 'Change password',
  'password.submitting': 'Saving…',

  'account.signOut': 'Sign out',
  'account.signingOut': 'Signing out…',
  'account.signOutFailed': 'Sign-out did not finish: {message}',
  'account.menuLabel': 'Signed in as',

  'role.sysadmin': 'System administrator',
  'role.auditor': 'Auditor',
  'role.investigator': 'Investigator',
  'role.regulator': 'Regulator',
  'role.viewer': 'Viewer',

  'reason.label': 'Reason for query',
  'reason.masked': 'ID numbers masked',
  'reason.full': 'Full ID numbers shown',
  'reason.current': 'Reason: {reason}',
  'reason.set': 'Give reason',
  'reason.change': 'Change reason',
  'reason.clear': 'Clear reason',
  'reason.placeholder': 'Case number or a sentence',
  'reason.hint': 'With a reason, this session shows full ID numbers; the reason is recorded with every query in the audit trail.',
  'reason.save': 'OK',
  'reason.cancel': 'Cancel',
  'reason.empty': 'Enter a reason, or choose "Clear reason".',


  'error.title': 'Something went wrong',
  'error.network': 'Cannot reach the server. Check the connection and try again.',
  'error.http': 'The server answered HTTP {status}.',
  'error.badResponse': 'The server sent a response the app cannot read.',
  'error.code': 'Error code: {code}',
  'error.retry': 'Retry',
  'error.dismiss': 'Dismiss',
};

const catalogs: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(catalogs[lang][key], params);
}

/**
 * A screen's own messages, kept beside the screen (screens/<s>/messages.ts) rather than in the
 * shared catalogue above: Chinese first, and English must name the same keys.
 */
export interface ScreenMessages<M extends Record<string, string>> {
  zh: M;
  en: { [K in keyof M]: string };
}

export function defineMessages<M extends Record<string, string>>(messages: ScreenMessages<M>): ScreenMessages<M> {
  return messages;
}

/** The translate function of one screen's messages, in the language chosen now. */
export function useMessages<M extends Record<string, string>>(messages: ScreenMessages<M>) {
  const { lang } = useI18n();
  return useCallback((key: keyof M & string, params?: Record<string, string | number>) => fill(messages[lang][key], params), [lang, messages]);
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

export function loadLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'zh' ? stored : DEFAULT_LANG;
  } catch {
    // Storage can be disabled by policy on government machines; fall back rather than fail.
    return DEFAULT_LANG;
  }
}

export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Same as loadLang: the choice then lasts only for this page.
  }
}

/**
 * The server words its messages "中文 / English" (importers/rejects.ts, upload refusals, a report
 * diff's changes): the reader gets the half in their language, the whole when it has no halves.
 */
export function inLanguage(message: string, lang: Lang): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + 3);
}

export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: DEFAULT_LANG,
  t: translator(DEFAULT_LANG),
  setLang: () => {},
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A moment as a clerk reads it, in the browser's time zone: YYYY-MM-DD HH:mm (the same in both languages). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
