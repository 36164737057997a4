// 分析: the analyses the API offers (/analyses), and one analysis's form and results
// (/analyses/:name). The analysis's parameters are the address's search parameters, so a reload, a
// back or a shared link runs the same query again.

import { Alert, Button, Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AnalysisCatalogueQuery } from '../../api/generated.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { AnalysisForm } from './AnalysisForm.tsx';
import { AnalysisResults } from './AnalysisResults.tsx';
import { analysesMessages } from './messages.ts';
import { describeParameters, paramsFromSearch } from './parameters.ts';
import './analyses.css';

export type AnalysisInfo = AnalysisCatalogueQuery['analyses'][number];

export function AnalysesScreen() {
  const { name } = useParams();
  const catalogue = useApiQuery('AnalysisCatalogue', {}, { staleTime: Infinity });
  return (
    <main className="analyses" data-testid="analyses-screen">
      {catalogue.error ? (
        <ErrorNotice error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : !catalogue.data ? (
        <Skeleton active />
      ) : name ? (
        <AnalysisPage name={name} analyses={catalogue.data.analyses} />
      ) : (
        <AnalysisList analyses={catalogue.data.analyses} />
      )}
    </main>
  );
}

function AnalysisList({ analyses }: { analyses: readonly AnalysisInfo[] }) {
  const m = useMessages(analysesMessages);
  const { lang } = useI18n();
  return (
    <>
      <Typography.Title level={3}>{m('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      <List
        className="analyses-list"
        dataSource={[...analyses]}
        rowKey="name"
        renderItem={(analysis) => {
          const names = describeParameters(analysis.parameters).map((f) => f.name);
          return (
            <List.Item
              data-testid="analysis-item"
              data-name={analysis.name}
              actions={[
                <Link key="open" to={paths.analyses(analysis.name)} data-testid="analysis-open">
                  {m('open')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Link to={paths.analyses(analysis.name)}>
                    {lang === 'zh' ? analysis.titleZh : analysis.titleEn}
                  </Link>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>
                      {lang === 'zh' ? analysis.titleEn : analysis.titleZh} <Tag>{analysis.name}</Tag>
                    </span>
                    <span className="analyses-params">{names.length ? m('parameters', { names: names.join(', ') }) : m('noParameters')}</span>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </>
  );
}

function AnalysisPage({ name, analyses }: { name: string; analyses: readonly AnalysisInfo[] }) {
  const m = useMessages(analysesMessages);
  const { lang } = useI18n();
  const [search] = useSearchParams();
  const analysis = analyses.find((a) => a.name === name);
  const fields = useMemo(() => describeParameters(analysis?.parameters), [analysis]);
  const searchText = search.toString();
  // The address's parameters, parsed once per address so the query key is stable.
  const params = useMemo(() => paramsFromSearch(new URLSearchParams(searchText), fields), [searchText, fields]);
  const run = search.get('run') === '1';

  if (!analysis) {
    return (
      <Alert
        type="warning"
        showIcon
        title={m('unknown', { name })}
        action={
          <Link to={paths.analyses()}>
            <Button size="small">{m('back')}</Button>
          </Link>
        }
      />
    );
  }
  const title = lang === 'zh' ? analysis.titleZh : analysis.titleEn;
  return (
    <>
      <div className="analyses-head">
        <Link to={paths.analyses()} data-testid="analyses-back">
          ← {m('back')}
        </Link>
        <Typography.Title level={3} data-testid="analysis-title">
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {lang === 'zh' ? analysis.titleEn : analysis.titleZh} · <code>{analysis.name}</code>
        </Typography.Text>
      </div>
      <Card size="small" title={m('formTitle')} className="analyses-form-card">
        <AnalysisForm analysis={analysis} fields={fields} params={params} />
      </Card>
      {run && <AnalysisResults analysis={analysis} params={params} title={title} />}
    </>
  );
}
