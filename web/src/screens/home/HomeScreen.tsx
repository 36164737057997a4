import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMessages } from '../../i18n.ts';
import { searchBoxId } from '../../shell/keyboard.ts';
import { focusRow } from './SearchResults.tsx';
import { SearchResults } from './SearchResults.tsx';
import { RecentWork } from './RecentWork.tsx';
import { homeMessages } from './messages.ts';
import './home.css';

// Searching while typing is what investigators expect; the pause keeps it to one request per word.
const DEBOUNCE_MS = 300;
// One Chinese character matches half the register; two make a useful first cut (鑫融, 汇金).
const MIN_AUTO_CHARS = 2;

/**
 * Home: one search box for everything a firm or person can be found by, the results below, and
 * the user's recent work beside them. The search is in the address (`/?q=…`), so reload, back and
 * a shared link show the same results. Keyboard first: '/' focuses the box (from any screen),
 * ↓ goes into the results, ↑/↓ move, Enter opens the profile, Esc clears.
 */
export function HomeScreen() {
  const m = useMessages(homeMessages);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const box = useRef<InputRef>(null);

  const search = useCallback(
    (value: string) => {
      const next = value.trim();
      if (next === q) return;
      // Typing replaces the entry; the back button goes to the search before, not each keystroke.
      setParams(next ? { q: next } : {}, { replace: true });
    },
    [q, setParams],
  );

  // Back/forward or a link changed the search: the box shows it.
  useEffect(() => {
    setText((shown) => (shown.trim() === q ? shown : q));
  }, [q]);

  useEffect(() => {
    const value = text.trim();
    if (value === q || (value.length > 0 && value.length < MIN_AUTO_CHARS)) return;
    const timer = setTimeout(() => search(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, search]);

  const focusBox = useCallback(() => box.current?.focus(), []);
  const clear = useCallback(() => {
    setText('');
    setParams({}, { replace: true });
    box.current?.focus();
  }, [setParams]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const first = document.querySelector<HTMLElement>('[data-testid="search-results"] [data-result-row]');
      if (first) {
        event.preventDefault();
        focusRow(first, 0, focusBox);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    }
  };

  return (
    <main className={`home${q ? ' home-searching' : ''}`} data-testid="home">
      <section className="home-search" role="search">
        {!q && (
          <Typography.Title level={2} className="home-title">
            {m('title')}
          </Typography.Title>
        )}
        <Space.Compact block size="large">
          <Input
            id={searchBoxId}
            ref={box}
            data-testid="search-input"
            aria-label={m('label')}
            placeholder={m('placeholder')}
            prefix={<SearchOutlined />}
            allowClear
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              // The clear button empties the box: the search goes too.
              if (event.type === 'click' && !event.target.value) clear();
            }}
            onPressEnter={() => search(text)}
            onKeyDown={onKeyDown}
          />
          <Button type="primary" data-testid="search-submit" onClick={() => search(text)}>
            {m('searchButton')}
          </Button>
        </Space.Compact>
        <Typography.Paragraph type="secondary" className="home-tips">
          {m('tips')}
        </Typography.Paragraph>
      </section>
      <div className="home-body">
        {q && (
          <section className="home-main">
            <SearchResults key={q} q={q} focusSearchBox={focusBox} clear={clear} />
          </section>
        )}
        <aside className="home-side">
          <RecentWork />
        </aside>
      </div>
    </main>
  );
}
