// Full-text search over what the keyword screen reads (DOMAIN.md §5.4): a firm's name, its former
// names and its business scope (经营范围). One index over the three fields so one query ranks a
// firm by all its hits, and a keyword can be restricted to the fields its list applies to
// (`businessScope:"项目投资"`). The cjk analyzer indexes Chinese as overlapping character bigrams,
// so a quoted keyword is a phrase of bigrams found inside longer words ('"交易中心"' finds
// '江苏贵金属交易中心有限公司'); a CONTAINS scan over a million scopes would read every firm.
CREATE FULLTEXT INDEX company_screen_text IF NOT EXISTS
FOR (n:Company) ON EACH [n.name, n.formerNamesText, n.businessScope]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
