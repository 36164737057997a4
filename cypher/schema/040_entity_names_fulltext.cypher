// Full-text search over firm names, former names and person names. The cjk analyzer indexes
// Chinese as overlapping character bigrams, so '鑫融' finds '南京鑫融投资管理有限公司'
// (the standard analyzer would index whole runs of Han characters as one token).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Person) ON EACH [n.name, n.formerNamesText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
