// @qiun/ucharts ships no types; only the constructor is used (see u-chart.tsx).
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown>);
  }
}
