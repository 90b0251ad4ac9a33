import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// ECharts (Apache-2.0), tree-shaken to what Tandem draws and bundled with the app: no CDN. SVG
// keeps the charts crisp on screen and in a printed PDF.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Text and rule colours that read in the app's light and dark themes. */
export function chartColours(dark: boolean): { text: string; muted: string; rule: string; series: string[]; favourable: string; unfavourable: string } {
  return dark
    ? { text: '#e6e9ef', muted: '#9aa4b2', rule: '#2c333e', series: ['#5b8ff0', '#f2b35b', '#56d364'], favourable: '#56d364', unfavourable: '#ff8a80' }
    : { text: '#1d2330', muted: '#5a6474', rule: '#d9dee6', series: ['#2f6fde', '#c77700', '#1a7f37'], favourable: '#1a7f37', unfavourable: '#b42318' };
}

/** Where a click on a chart landed: which series and which of its data points. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** A chart drawn by ECharts into an SVG, redrawn when its option changes and disposed with the component. `onClick` hears clicks on its marks. */
export function EChart({ option, height, label, testId, onClick }: { option: ChartOption; height: number; label: string; testId?: string; onClick?: (click: ChartClick) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  useEffect(() => {
    clicked.current = onClick;
  }, [onClick]);
  useEffect(() => {
    if (host.current === null) return undefined;
    const instance = echarts.init(host.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }));
    // Laid out again only when its box changed: the observer's first call, on observing, is not a change.
    const element = host.current;
    let size = { width: element.clientWidth, height: element.clientHeight };
    const resize = () => {
      const now = { width: element.clientWidth, height: element.clientHeight };
      if (now.width === size.width && now.height === size.height) return;
      size = now;
      instance.resize();
    };
    window.addEventListener('resize', resize);
    // A panel opening beside the chart narrows it without resizing the window.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // No animation: a chart shows its figures at once, on screen and when printed.
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={host} className="echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
