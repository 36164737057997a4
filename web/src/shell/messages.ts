// The shell's own strings (the 403 page).

import { defineMessages } from '../i18n.ts';

export const shellMessages = defineMessages({
  zh: {
    forbiddenTitle: '不可访问',
    forbiddenText: '您的角色（{role}）无权打开此页面。按三员分立的要求，每个角色只能使用与其职责相应的功能。',
    forbiddenHome: '返回{home}',
  },
  en: {
    forbiddenTitle: 'Not accessible',
    forbiddenText: 'Your role ({role}) may not open this page. Separation of duties gives each role only the screens of its work.',
    forbiddenHome: 'Back to {home}',
  },
});
