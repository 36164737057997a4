// Picks a firm or person: first the entities of the open canvas, then what the search finds for
// what is typed (the same search as the home screen).

import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n.ts';
import { messages } from './messages.ts';

export interface PickedEntity {
  key: string;
  name: string;
}

interface Props {
  value?: string;
  onChange?: (key: string) => void;
  /** Named entities at hand (the open canvas's), offered before anything is typed. */
  known: readonly PickedEntity[];
  /** Told the name of whatever is picked, so a list can show names for keys. */
  onPicked?: (entity: PickedEntity) => void;
  testId: string;
}

export function EntityPicker({ value, onChange, known, onPicked, testId }: Props) {
  const m = useMessages(messages);
  const [text, setText] = useState('');
  const typed = text.trim();
  const search = useApiQuery('Search', { text: typed, first: 20 }, { enabled: typed.length >= 2, staleTime: 60_000 });
  const options = useMemo(() => {
    const seen = new Set<string>();
    const list: { value: string; label: string; name: string }[] = [];
    const add = (key: string, name: string, detail?: string | null) => {
      if (seen.has(key)) return;
      seen.add(key);
      list.push({ value: key, label: detail ? `${name}（${detail}）` : name, name });
    };
    for (const k of known) if (!typed || k.name.includes(typed) || k.key.includes(typed)) add(k.key, k.name);
    for (const hit of search.data?.search.nodes ?? []) {
      if (hit.entity.kind === 'COMPANY' || hit.entity.kind === 'PERSON') add(hit.entity.key, hit.entity.name, hit.entity.identifier ?? hit.firms[0]?.name);
    }
    return list;
  }, [known, search.data, typed]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      placeholder={m('pickEntity')}
      options={options.map((o) => ({ value: o.value, label: <span data-testid="entity-option" data-key={o.value}>{o.label}</span> }))}
      loading={search.isFetching}
      notFoundContent={typed.length >= 2 && !search.isFetching ? m('nothingFound') : null}
      onChange={(key: string) => {
        const picked = options.find((o) => o.value === key);
        if (picked) onPicked?.({ key, name: picked.name });
        onChange?.(key);
      }}
      data-testid={testId}
      className="entity-picker"
    />
  );
}
