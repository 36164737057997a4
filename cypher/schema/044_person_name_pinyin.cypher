// Pinyin search of person names ('wangwei', 'ww' find 王伟): as company_name_pinyin.
CREATE TEXT INDEX person_name_pinyin IF NOT EXISTS FOR (p:Person) ON (p.namePinyin)
