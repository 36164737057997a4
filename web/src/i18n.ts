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


  'kind.COMPANY': '企业',
  'kind.PERSON': '人员',
  'kind.COMPANY.short': '企',
  'kind.PERSON.short': '人',

  'graph.title': '关系网络',
  'graph.depth': '层数',
  'graph.depthOption': '{n} 层',
  'graph.layout': '布局',
  'graph.layout.hierarchy': '层级（股权方向）',
  'graph.layout.force': '力导向',
  'graph.expand': '展开',
  'graph.expandTitle': '加载所选节点的一层关系并并入当前网络（也可双击节点）',
  'graph.expanded': '已展开',
  'graph.recenter': '设为中心',
  'graph.recenterTitle': '以所选节点为中心重新绘制网络',
  'graph.fit': '适应画面',
  'graph.loading': '正在加载关系网络…',
  'graph.expanding': '正在展开…',
  'graph.empty': '在左侧搜索并选择一家企业或一个人员，即可在此查看其关系网络。',
  'graph.noNeighbours': '该主体在库中没有关联关系。',
  'graph.truncated': '网络未完整显示：已触及上限（{limits}）。可减少层数，或选择节点后逐步展开。',
  'graph.stats': '{nodes} 个节点 · {edges} 条关系',
  'graph.hint': '单击节点查看详情，双击节点展开。',
  'graph.nodesList': '网络中的节点',
  'graph.edgesList': '网络中的关系',

  'legend.title': '图例',
  'legend.company': '企业',
  'legend.person': '人员',
  'legend.inactive': '吊销 / 注销企业',
  'legend.center': '中心主体',
  'legend.holds': '持股（箭头指向被投资企业）',
  'legend.legalRep': '法定代表人',
  'legend.officer': '任职',

  'edge.legalRep': '法定代表人',
  'edge.officer': '任职',
  'edge.shares': '持股',

  'detail.title': '主体详情',
  'detail.none': '选择搜索结果或网络中的节点以查看详情。',
  'detail.loading': '正在加载企业信息…',
  'detail.notFound': '库中没有该企业的登记信息。',
  'detail.uscc': '统一社会信用代码',
  'detail.regNo': '注册号',
  'detail.keyUnverified': '主体标识未核验（无有效统一社会信用代码或注册号）',
  'detail.legalRep': '法定代表人',
  'detail.status': '登记状态',
  'detail.companyType': '企业类型',
  'detail.capital': '注册资本',
  'detail.established': '成立日期',
  'detail.address': '住所',
  'detail.authority': '登记机关',
  'detail.region': '登记地',
  'detail.scope': '经营范围',
  'detail.formerNames': '曾用名',
  'detail.identifier': '证件号码（已脱敏）',
  'detail.shareholders': '股东',
  'detail.holdings': '对外投资',
  'detail.holder': '股东',
  'detail.investee': '被投资企业',
  'detail.ratio': '持股比例',
  'detail.subscribed': '认缴出资',
  'detail.noShareholders': '无股东记录。',
  'detail.noHoldings': '无对外投资记录。',
  'detail.officers': '主要人员（据当前网络）',
  'detail.relations': '当前网络中的关系',
  'detail.noRelations': '当前网络中没有与其相连的关系。',
  'detail.rel.holds': '持股 {ratio}',
  'detail.rel.heldBy': '被持股 {ratio}',
  'detail.rel.legalRep': '法定代表人',
  'detail.inGraph': '在网络中定位',
  'detail.notInGraph': '不在当前网络中',
  'detail.unknown': '—',

  'detail.idNumber': '证件号码',

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

  'rolePage.title': '您的角色：{role}',
  'rolePage.sysadmin': '系统管理员负责账户与词表（如名单类型）。按三员分立的要求，系统管理员不查看案件数据，因此这里没有搜索和关系网络。账户管理界面将在后续版本提供。',
  'rolePage.auditor': '安全审计员负责查阅、筛选和导出审计日志，不查看案件数据，因此这里没有搜索和关系网络。审计日志界面将在后续版本提供。',
  'rolePage.viewer': '查阅人员只能查看他人共享给您的报告，不能自行搜索或分析。报告共享功能将在后续版本提供。',
  'rolePage.jurisdiction': '辖区代码：{code}',

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


  'kind.COMPANY': 'Firm',
  'kind.PERSON': 'Person',
  'kind.COMPANY.short': 'F',
  'kind.PERSON.short': 'P',

  'graph.title': 'Network',
  'graph.depth': 'Depth',
  'graph.depthOption': '{n} hop(s)',
  'graph.layout': 'Layout',
  'graph.layout.hierarchy': 'Hierarchy (ownership)',
  'graph.layout.force': 'Force-directed',
  'graph.expand': 'Expand',
  'graph.expandTitle': 'Load one hop around the selected node and merge it (or double-click a node)',
  'graph.expanded': 'Expanded',
  'graph.recenter': 'Make centre',
  'graph.recenterTitle': 'Redraw the network around the selected node',
  'graph.fit': 'Fit',
  'graph.loading': 'Loading network…',
  'graph.expanding': 'Expanding…',
  'graph.empty': 'Search on the left and choose a firm or person to see its network here.',
  'graph.noNeighbours': 'This entity has no relationships in the database.',
  'graph.truncated': 'Network incomplete: limits reached ({limits}). Lower the depth or expand selected nodes step by step.',
  'graph.stats': '{nodes} nodes · {edges} relationships',
  'graph.hint': 'Click a node for details; double-click to expand.',
  'graph.nodesList': 'Nodes in the network',
  'graph.edgesList': 'Relationships in the network',

  'legend.title': 'Legend',
  'legend.company': 'Firm',
  'legend.person': 'Person',
  'legend.inactive': 'Revoked / deregistered firm',
  'legend.center': 'Centre entity',
  'legend.holds': 'Holds shares (arrow points to the investee)',
  'legend.legalRep': 'Legal representative',
  'legend.officer': 'Officer',

  'edge.legalRep': 'Legal rep.',
  'edge.officer': 'Officer',
  'edge.shares': 'Shares',

  'detail.title': 'Details',
  'detail.none': 'Choose a search result or a node in the network to see its details.',
  'detail.loading': 'Loading firm…',
  'detail.notFound': 'No registration record for this firm.',
  'detail.uscc': 'Unified social credit code',
  'detail.regNo': 'Registration number',
  'detail.keyUnverified': 'Identifier unverified (no valid USCC or registration number)',
  'detail.legalRep': 'Legal representative',
  'detail.status': 'Registration status',
  'detail.companyType': 'Company type',
  'detail.capital': 'Registered capital',
  'detail.established': 'Established',
  'detail.address': 'Registered address',
  'detail.authority': 'Registration authority',
  'detail.region': 'Registered in',
  'detail.scope': 'Business scope',
  'detail.formerNames': 'Former names',
  'detail.identifier': 'ID number (masked)',
  'detail.shareholders': 'Shareholders',
  'detail.holdings': 'Holdings',
  'detail.holder': 'Holder',
  'detail.investee': 'Investee',
  'detail.ratio': 'Share',
  'detail.subscribed': 'Subscribed',
  'detail.noShareholders': 'No shareholder records.',
  'detail.noHoldings': 'No holdings recorded.',
  'detail.officers': 'Officers (from the current network)',
  'detail.relations': 'Relationships in the current network',
  'detail.noRelations': 'Nothing in the current network connects to it.',
  'detail.rel.holds': 'holds {ratio}',
  'detail.rel.heldBy': 'held {ratio}',
  'detail.rel.legalRep': 'legal rep.',
  'detail.inGraph': 'Locate in network',
  'detail.notInGraph': 'Not in the current network',
  'detail.unknown': '—',

  'detail.idNumber': 'ID number',

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

  'rolePage.title': 'Your role: {role}',
  'rolePage.sysadmin': 'System administrators manage accounts and vocabularies (such as list types). Separation of duties keeps them from case data, so there is no search or network here. The account screens come in a later version.',
  'rolePage.auditor': 'Auditors read, filter and export the audit trail and see no case data, so there is no search or network here. The audit screens come in a later version.',
  'rolePage.viewer': 'Viewers read the reports others share with them; they do not search or analyse. Shared reports come in a later version.',
  'rolePage.jurisdiction': 'Jurisdiction code: {code}',

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
