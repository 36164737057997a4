// Pinyin search (server search, PINYIN): a firm's name as full pinyin and initials
// (model/names.ts pinyinForms). A text index answers CONTAINS from the index ('xinghe' inside
// 'nanjingxinghe…'), where a range index would scan every firm.
CREATE TEXT INDEX company_name_pinyin IF NOT EXISTS FOR (c:Company) ON (c.namePinyin)
