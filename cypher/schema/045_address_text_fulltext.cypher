// Search by address (server search, ADDRESS): part of an address ('中山路100号', '鼓楼区中山路')
// finds the firms registered or operating there. The cjk analyzer, as for names (040).
CREATE FULLTEXT INDEX address_text IF NOT EXISTS
FOR (a:Address) ON EACH [a.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }
