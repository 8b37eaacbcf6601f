import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import UCharts from '@qiun/ucharts';
import { isH5 } from '@/lib/wx/env';

export interface ChartSeries {
  name: string;
  /** null leaves a gap (e.g. a quarter suppressed for too few raters). */
  data: (number | null)[];
}

interface UChartProps {
  id: string;
  type: 'line' | 'column';
  categories: string[];
  series: ChartSeries[];
  /** Fixed y range, e.g. 0–100 for percentages, so quarters compare at a glance. */
  yMin?: number;
  yMax?: number;
  unit?: string;
  /** What the chart shows, for screen readers (the figures are also in the table next to it). */
  label: string;
}

interface CanvasTarget {
  canvas: { width: number; height: number; getContext: (kind: '2d') => unknown; style?: CSSStyleDeclaration };
  width: number;
  height: number;
}

function pixelRatio(): number {
  if (isH5) return window.devicePixelRatio || 1;
  return Taro.getWindowInfo().pixelRatio || 2;
}

// H5: Taro renders <taro-canvas-core id> around a real <canvas>; weapp: a canvas 2d node from the selector query.
function findCanvas(id: string): Promise<CanvasTarget | null> {
  if (isH5) {
    const host = document.getElementById(id);
    const canvas = host && (host.tagName === 'CANVAS' ? host : host.querySelector('canvas'));
    if (!host || !canvas) return Promise.resolve(null);
    const box = host.getBoundingClientRect();
    return Promise.resolve({ canvas: canvas as HTMLCanvasElement, width: box.width, height: box.height });
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasTarget['canvas']; width: number; height: number }[] | undefined) => {
        const hit = res?.[0];
        resolve(hit?.node ? { canvas: hit.node, width: hit.width, height: hit.height } : null);
      });
  });
}

// Long department names (区政务服务中心) run into each other side by side: slant them once the widest
// label (≈ one 10 px glyph per character) no longer fits its share of the axis.
function labelsCollide(categories: string[], width: number): boolean {
  if (categories.length > 6) return true;
  const widest = Math.max(0, ...categories.map((c) => c.length)) * 10;
  return widest > (width - 48) / Math.max(categories.length, 1) - 4;
}

function draw(target: CanvasTarget, props: UChartProps): void {
  const ratio = pixelRatio();
  const { canvas, width, height } = target;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  if (isH5 && canvas.style) {
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  // The constructor draws at once; nothing needs the instance afterwards (no tooltips on a static dashboard).
  new UCharts({
    type: props.type,
    context: canvas.getContext('2d'),
    width: width * ratio,
    height: height * ratio,
    pixelRatio: ratio,
    categories: props.categories,
    series: props.series.map((s) => ({ ...s, connectNulls: false })),
    animation: false,
    background: '#FFFFFF',
    color: ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96'],
    padding: [16, 16, 8, 8],
    fontSize: 11,
    dataLabel: props.categories.length <= 8,
    legend: { show: props.series.length > 1 },
    xAxis: { disableGrid: true, fontSize: 10, rotateLabel: labelsCollide(props.categories, width) },
    yAxis: { data: [{ min: props.yMin, max: props.yMax, unit: props.unit ?? '' }] },
    extra: { line: { type: 'straight', width: 2 }, column: { type: 'group', width: 18 } },
  });
}

/** A canvas 2d chart drawn by uCharts, identical on WeChat and H5. */
export function UChart(props: UChartProps) {
  const dataKey = useMemo(() => JSON.stringify([props.type, props.categories, props.series, props.yMin, props.yMax]), [props]);
  useEffect(() => {
    let live = true;
    // After this render is on screen, so the canvas node exists and has its size.
    Taro.nextTick(() => {
      void findCanvas(props.id).then((target) => {
        if (!live || !target || target.width === 0 || target.height === 0) return;
        draw(target, props);
      });
    });
    return () => {
      live = false;
    };
    // Redraw when the data changes, not on every parent render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, props.id]);

  return (
    <View className="yst-chart" ariaLabel={props.label}>
      <Canvas type="2d" id={props.id} className="yst-chart__canvas" />
    </View>
  );
}
