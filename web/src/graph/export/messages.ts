import { defineMessages } from '../../i18n.ts';

export const exportMessages = defineMessages({
  zh: {
    export: '导出',
    svg: 'SVG 矢量图（可缩放，文字可检索）',
    png: 'PNG 图片（300 dpi，适合打印）',
    exporting: '正在导出…',
    done: '已导出 {file}',
    doneLowered: '已导出 {file}（图幅过大，分辨率降为 {dpi} dpi）',
    'error.empty-chart': '图中没有可导出的内容。',
    'error.renderer-unavailable': '此图无法绘制为图片。',
    'error.canvas-unavailable': '浏览器拒绝分配绘图画布（内存不足？），请关闭其他标签页后重试。',
    'error.blank-image': '图片绘制结果为空白，未保存文件。',
    'error.svg-failed': '无法生成 SVG 文件。',
    'error.png-failed': '无法生成 PNG 文件。',
  },
  en: {
    export: 'Export',
    svg: 'SVG vector (scalable, searchable text)',
    png: 'PNG image (300 dpi, for print)',
    exporting: 'Exporting…',
    done: 'Exported {file}',
    doneLowered: 'Exported {file} (chart too large: resolution lowered to {dpi} dpi)',
    'error.empty-chart': 'The chart has nothing to export.',
    'error.renderer-unavailable': 'This chart cannot be drawn as an image.',
    'error.canvas-unavailable': 'The browser refused a drawing canvas (out of memory?). Close other tabs and try again.',
    'error.blank-image': 'The drawing came out blank; no file was saved.',
    'error.svg-failed': 'The SVG file could not be made.',
    'error.png-failed': 'The PNG file could not be made.',
  },
});
