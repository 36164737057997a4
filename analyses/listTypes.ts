/**
 * Which ListEntry.listType values flag a firm as suspect, and which only disclose something about
 * it. The defaults of the screens that count flagged firms; users pass their own list (`listTypes`)
 * when their lists are named otherwise, and the envelope's params then say exactly what counted.
 */

/**
 * Lists that mark a firm as involved in illegal fundraising or illegal trading (DOMAIN.md §3
 * ListEntry: a case filed, 取缔类 (to be banned), 整改类 (to be rectified), a violating venue, a
 * 微盘 platform, a tip-off).
 */
export const FLAGGING_LIST_TYPES = ['非法集资案件', '取缔类', '整改类', '违规交易场所', '微盘平台', '举报线索'] as const;

/**
 * Lists that only disclose a relationship and say nothing against the firm: a P2P platform's
 * borrowers (借款人披露) are named so that self-financing can be checked, not because they did wrong.
 */
export const DISCLOSURE_LIST_TYPES = ['P2P平台借款人'] as const;
