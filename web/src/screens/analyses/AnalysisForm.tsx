// One analysis's form, generated from its parameter descriptors (parameters.ts). The jurisdiction is
// preset from the signed-in user, the list types and keyword lists from the vocabularies; Run puts
// the values in the address, which runs the query (AnalysesScreen reads them back from there).

import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { useWorkspace } from '../../session/workspace.ts';
import type { AnalysisInfo } from './AnalysesScreen.tsx';
import { analysesMessages } from './messages.ts';
import { initialValues, searchFromValues, SCREEN_PARAMS, type FormValue, type ParameterField } from './parameters.ts';

interface Props {
  analysis: AnalysisInfo;
  fields: readonly ParameterField[];
  /** The parameters in the address now. */
  params: Record<string, string>;
}

export function AnalysisForm({ analysis, fields, params }: Props) {
  const m = useMessages(analysesMessages);
  const { lang } = useI18n();
  const { me } = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const vocabularies = useApiQuery('AnalysisVocabularies', {});
  const [form] = Form.useForm<Record<string, FormValue>>();
  const queryClient = useQueryClient();

  const listTypes = vocabularies.data?.listTypes;
  const keywordLists = vocabularies.data?.keywordLists;
  const presets = useMemo(() => {
    const values: Record<string, FormValue> = {};
    for (const field of fields) {
      if (field.kind === 'jurisdiction') values[field.name] = me.user.jurisdiction;
      if (field.kind === 'rules') values[field.name] = 'cn-2024';
      if (field.kind === 'listTypes' && listTypes) values[field.name] = listTypes.types.filter((t) => t.meaning === field.listMeaning).map((t) => t.code);
    }
    return values;
  }, [fields, me.user.jurisdiction, listTypes]);
  const initial = useMemo(() => initialValues(fields, params, presets), [fields, params, presets]);

  // The list types are preset from the vocabulary: the form waits for it (an error leaves them free).
  if (vocabularies.isPending && fields.some((f) => f.kind === 'listTypes')) return <Typography.Text type="secondary">…</Typography.Text>;

  const submit = (values: Record<string, FormValue>) => {
    const next = new URLSearchParams(searchFromValues(fields, values, presets));
    next.set('run', '1');
    for (const name of SCREEN_PARAMS) if (name !== 'run' && name !== 'finding' && search.get(name)) next.set(name, search.get(name)!);
    // Run again means a fresh run, even with the parameters unchanged (the data may have changed by import).
    void queryClient.invalidateQueries({ queryKey: ['RunAnalysis'] });
    setSearch(next);
  };

  const input = (field: ParameterField) => {
    const placeholder = m('defaultPlaceholder');
    switch (field.kind) {
      case 'rules':
        return (
          <Select
            options={[
              { value: 'cn-2024', label: m('rules.CN_2024') },
              { value: 'cn-2017', label: m('rules.CN_2017') },
            ]}
          />
        );
      case 'listTypes':
        return (
          <Select
            mode="tags"
            allowClear
            placeholder={placeholder}
            tokenSeparators={[',', '，']}
            options={(listTypes?.types ?? []).map((t) => ({ value: t.code, label: `${lang === 'zh' ? t.name : t.nameEn} (${t.code})` }))}
          />
        );
      case 'keywordLists':
        return (
          <Select
            mode="tags"
            allowClear
            placeholder={placeholder}
            options={(keywordLists?.lists ?? []).map((l) => ({ value: l.name, label: `${lang === 'zh' ? l.title.zh : l.title.en} (${l.name})` }))}
          />
        );
      case 'list':
        return <Select mode="tags" allowClear placeholder={placeholder} tokenSeparators={[',', '，']} options={field.choices} />;
      case 'boolean':
        return (
          <Select
            allowClear
            placeholder={placeholder}
            options={[
              { value: true, label: m('bool.true') },
              { value: false, label: m('bool.false') },
            ]}
          />
        );
      case 'number':
        return <InputNumber placeholder={placeholder} className="analyses-number" />;
      case 'date':
        return <DatePicker placeholder="YYYY-MM-DD" format="YYYY-MM-DD" />;
      default:
        return <Input allowClear placeholder={field.required ? '' : placeholder} />;
    }
  };

  return (
    <Form
      form={form}
      // Back, forward or another link changes the parameters: the form starts again from them (not on a filter or an opened finding).
      key={`${analysis.name}?${JSON.stringify(params)}|${listTypes?.version ?? ''}`}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="analysis-form"
      className="analyses-form"
    >
      <div className="analyses-fields">
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={<code>{field.name}</code>}
            tooltip={lang === 'zh' ? field.help.en : field.help.zh}
            extra={
              <span className="analyses-help">
                {field.help[lang]}
                {field.kind === 'listTypes' && listTypes && (
                  <> {m('listTypesHint', { version: listTypes.version, meaning: m(`meaning.${field.listMeaning ?? 'FLAGGING'}`) })}</>
                )}
                {field.kind === 'jurisdiction' && <> {m('jurisdictionHint', { code: me.user.jurisdiction })}</>}
              </span>
            }
            rules={field.required ? [{ required: true, message: m('required', { name: field.name }) }] : []}
            data-testid={`param-${field.name}`}
            {...(field.kind === 'date'
              ? {
                  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
                  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
                }
              : {})}
          >
            {input(field)}
          </Form.Item>
        ))}
      </div>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="analysis-run">
          {m('run')}
        </Button>
        <Button onClick={() => form.setFieldsValue(Object.fromEntries(fields.map((f) => [f.name, presets[f.name]])))} data-testid="analysis-defaults">
          {m('reset')}
        </Button>
      </Space>
    </Form>
  );
}
