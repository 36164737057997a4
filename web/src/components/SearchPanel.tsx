import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isAbort, searchEntities, type EntitySummary, type SearchHit } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { ErrorNotice, KindIcon, StatusBadge, type LoadState } from './common.tsx';

// Searching while typing is what investigators expect; the pause keeps it to one request per word.
const DEBOUNCE_MS = 300;
// One Chinese character matches half the register; two make a useful first cut (鑫融, 汇金).
const MIN_AUTO_CHARS = 2;
const PAGE_SIZE = 20;

/** The hits shown so far and the cursor of the page after them (null: nothing more). */
interface Hits {
  hits: SearchHit[];
  next: string | null;
}

/** The line saying how a hit matched when not by its own name (曾用名：南京乙咨询有限公司); null for a name match. */
function matchedLine(hit: SearchHit, t: (key: MessageKey, params: Record<string, string>) => string): string | null {
  return hit.matchedOn === 'NAME' ? null : t(`search.matched.${hit.matchedOn}` as MessageKey, { text: hit.matchedText });
}

export interface SearchPanelProps {
  activeKey: string | null;
  onChoose: (entity: EntitySummary) => void;
  /** When this changes the shown results are asked for again: what they may show (full ID numbers) changed. */
  refreshKey?: string | number | boolean;
}

export function SearchPanel({ activeKey, onChoose, refreshKey }: SearchPanelProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [results, setResults] = useState<LoadState<Hits>>({ status: 'idle' });
  const [loadingMore, setLoadingMore] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const lastQuery = useRef('');

  const run = (query: string) => {
    inFlight.current?.abort();
    const q = query.trim();
    lastQuery.current = q;
    if (!q) {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setResults({ status: 'loading' });
    setLoadingMore(false);
    searchEntities(q, PAGE_SIZE, null, controller.signal).then(
      (page) => {
        if (inFlight.current === controller) setResults({ status: 'done', value: { hits: page.nodes, next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null } });
      },
      (error: unknown) => {
        if (!isAbort(error) && inFlight.current === controller) setResults({ status: 'error', error });
      },
    );
  };

  /** The next page of the same search, added below the hits shown. */
  const more = () => {
    if (results.status !== 'done' || results.value.next === null || loadingMore) return;
    const shown = results.value;
    const controller = new AbortController();
    inFlight.current = controller;
    setLoadingMore(true);
    searchEntities(lastQuery.current, PAGE_SIZE, shown.next, controller.signal).then(
      (page) => {
        if (inFlight.current !== controller) return;
        setLoadingMore(false);
        setResults({ status: 'done', value: { hits: [...shown.hits, ...page.nodes], next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null } });
      },
      (error: unknown) => {
        if (isAbort(error) || inFlight.current !== controller) return;
        setLoadingMore(false);
        setResults({ status: 'error', error });
      },
    );
  };

  useEffect(() => {
    if (text.trim().length < MIN_AUTO_CHARS) return;
    const timer = setTimeout(() => run(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => () => inFlight.current?.abort(), []);

  useEffect(() => {
    if (lastQuery.current) run(lastQuery.current);
  }, [refreshKey]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(text);
  };

  return (
    <div className="search">
      <form className="search-form" role="search" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="search-input">
          {t('search.label')}
        </label>
        <input
          id="search-input"
          data-testid="search-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </form>

      <div className="search-status" aria-live="polite">
        {results.status === 'idle' && <p className="muted">{t('search.hint')}</p>}
        {results.status === 'loading' && <p className="muted">{t('search.loading')}</p>}
        {results.status === 'done' && results.value.hits.length === 0 && <p className="muted">{t('search.empty')}</p>}
        {results.status === 'done' && results.value.hits.length > 0 && (
          <p className="muted">{t(results.value.next === null ? 'search.count' : 'search.countMore', { n: results.value.hits.length })}</p>
        )}
      </div>
      {results.status === 'error' && <ErrorNotice error={results.error} onRetry={() => run(text)} />}

      {results.status === 'done' && results.value.hits.length > 0 && (
        <ul className="results" data-testid="search-results">
          {results.value.hits.map((hit) => {
            const { entity } = hit;
            const matched = matchedLine(hit, t);
            return (
              <li key={entity.key}>
                <button
                  type="button"
                  className={`result${entity.key === activeKey ? ' active' : ''}`}
                  aria-current={entity.key === activeKey || undefined}
                  onClick={() => onChoose(entity)}
                >
                  <KindIcon kind={entity.kind} />
                  <span className="result-body">
                    <span className="result-head">
                      <span className="result-name" data-testid="result-name">
                        {entity.name}
                      </span>
                      <StatusBadge status={entity.status} inactive={entity.inactive} />
                    </span>
                    {(entity.idNumber ?? entity.identifier) && (
                      <span className="result-id mono">{entity.idNumber ?? entity.identifier}</span>
                    )}
                    {entity.address && <span className="result-address">{entity.address}</span>}
                    {hit.firms.length > 0 && (
                      <span className="result-address" data-testid="result-firms">
                        {t('search.firms', { firms: hit.firms.map((f) => f.name).join('、') })}
                      </span>
                    )}
                    {matched && (
                      <span className="result-address" data-testid="result-matched">
                        {matched}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {results.status === 'done' && results.value.next !== null && (
        <button type="button" className="search-more" data-testid="search-more" disabled={loadingMore} onClick={more}>
          {loadingMore ? t('search.loading') : t('search.more')}
        </button>
      )}
    </div>
  );
}
