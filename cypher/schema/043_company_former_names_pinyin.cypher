// Pinyin search of former names (曾用名): as company_name_pinyin, over formerNamesPinyin.
CREATE TEXT INDEX company_former_names_pinyin IF NOT EXISTS FOR (c:Company) ON (c.formerNamesPinyin)
