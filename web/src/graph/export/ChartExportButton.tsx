import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import type { Core } from '../cytoscape.ts';
import { useMessages } from '../../i18n.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { ChartExportError, chartPng, downloadChartSvg } from './chartExport.ts';
import { DEFAULT_DPI } from './exportPlan.ts';
import { safeFileName, saveBlob } from './download.ts';
import { exportMessages } from './messages.ts';
import { fileTimeStamp, operatorName } from './watermark.ts';

type Format = 'svg' | 'png';

/**
 * "导出" → SVG / PNG of the whole chart drawn by `cy`, watermarked with the signed-in user and the
 * time, saved as `<fileName>-<YYYYMMDD-HHmm>.svg|png`. Disabled until the chart exists.
 */
export function ChartExportButton({ cy, fileName }: { cy: Core | null; fileName: string }) {
  const m = useMessages(exportMessages);
  const { me } = useWorkspace();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<Format | null>(null);

  const run = async (format: Format) => {
    if (!cy || busy) return;
    setBusy(format);
    const at = new Date();
    const file = `${safeFileName(fileName)}-${fileTimeStamp(at)}.${format}`;
    const watermark = { operator: operatorName(me.user), at };
    try {
      if (format === 'svg') {
        await downloadChartSvg(cy, file, watermark);
        message.success(m('done', { file }));
      } else {
        const { blob, plan } = await chartPng(cy, watermark, { dpi: DEFAULT_DPI });
        saveBlob(blob, file);
        // A chart too big for the pixel ceiling is drawn at a lower resolution; the user should know.
        message.success(plan.dpi < DEFAULT_DPI ? m('doneLowered', { file, dpi: plan.dpi }) : m('done', { file }));
      }
    } catch (error) {
      // The cause goes to the console for whoever supports the user; the user gets a sentence.
      console.error(error);
      message.error(m(error instanceof ChartExportError ? `error.${error.code}` : format === 'svg' ? 'error.svg-failed' : 'error.png-failed'));
    } finally {
      setBusy(null);
    }
  };

  const items: MenuProps['items'] = [
    { key: 'svg', label: <span data-testid="chart-export-svg">{m('svg')}</span> },
    { key: 'png', label: <span data-testid="chart-export-png">{m('png')}</span> },
  ];
  return (
    <Dropdown
      menu={{ items, onClick: ({ key }) => void run(key as Format) }}
      trigger={['click']}
      disabled={!cy || busy !== null}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} data-testid="chart-export">
        {busy ? m('exporting') : m('export')}
      </Button>
    </Dropdown>
  );
}
