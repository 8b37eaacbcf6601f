/* global Component */
/**
 * Signature pad: a native custom component (canvas type="2d") so strokes are drawn without a
 * setData per touch. The page gets only two kinds of events:
 *   change  { hasInk, dataUrl }  after every stroke (PNG data URL) and after 清除 (dataUrl '')
 *   confirm { dataUrl }          when 确认签名 is tapped
 *   error   { message }          when the drawing could not be exported
 */
const MAX_PIXEL_RATIO = 2; // sharper adds bytes, not legibility; the server accepts ≤ 300 KB
const INK = '#111111';
const PAPER = '#ffffff';

function pixelRatio() {
  try {
    if (typeof wx.getWindowInfo === 'function') return wx.getWindowInfo().pixelRatio || 1;
    return wx.getSystemInfoSync().pixelRatio || 1;
  } catch {
    return 1;
  }
}

Component({
  properties: {
    height: { type: Number, value: 180 },
    placeholder: { type: String, value: '请在此处签名' },
    lineWidth: { type: Number, value: 3 },
  },

  data: { hasInk: false },

  lifetimes: {
    ready() {
      this.attachCanvas();
    },
    detached() {
      this.canvas = null;
      this.ctx = null;
    },
  },

  methods: {
    attachCanvas() {
      this.createSelectorQuery()
        .select('.sp__canvas')
        .fields({ node: true, size: true, rect: true })
        .exec((res) => {
          const hit = res && res[0];
          if (!hit || !hit.node) return;
          const canvas = hit.node;
          const ratio = Math.min(pixelRatio(), MAX_PIXEL_RATIO);
          canvas.width = Math.round(hit.width * ratio);
          canvas.height = Math.round(hit.height * ratio);
          const ctx = canvas.getContext('2d');
          ctx.scale(ratio, ratio);
          this.canvas = canvas;
          this.ctx = ctx;
          this.box = { left: hit.left || 0, top: hit.top || 0, width: hit.width, height: hit.height };
          this.paintBlank();
        });
    },

    /** White paper: a transparent PNG shows as black in some viewers. */
    paintBlank() {
      const { ctx, box } = this;
      if (!ctx) return;
      ctx.fillStyle = PAPER;
      ctx.fillRect(0, 0, box.width, box.height);
      ctx.lineWidth = this.data.lineWidth;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = INK;
    },

    /** Canvas touches carry x/y relative to the canvas; fall back to page coordinates. */
    pointOf(e) {
      const t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0]);
      if (!t) return null;
      if (typeof t.x === 'number' && typeof t.y === 'number') return { x: t.x, y: t.y };
      const box = this.box || { left: 0, top: 0 };
      return { x: t.clientX - box.left, y: t.clientY - box.top };
    },

    onTouchStart(e) {
      const p = this.pointOf(e);
      if (!p || !this.ctx) return;
      this.last = p;
      this.drewInStroke = false;
    },

    onTouchMove(e) {
      const p = this.pointOf(e);
      const from = this.last;
      if (!p || !from || !this.ctx) return;
      this.ctx.beginPath();
      this.ctx.moveTo(from.x, from.y);
      this.ctx.lineTo(p.x, p.y);
      this.ctx.stroke();
      this.last = p;
      this.drewInStroke = true;
      // One setData when ink first appears, none per touch (WeChat's audit: ≤ 20 setData/s).
      if (!this.data.hasInk) this.setData({ hasInk: true });
    },

    onTouchEnd() {
      if (!this.last) return;
      this.last = null;
      if (!this.drewInStroke) return;
      this.exportDataUrl().then(
        (dataUrl) => this.triggerEvent('change', { hasInk: true, dataUrl }),
        () => this.triggerEvent('error', { message: '签名导出失败，请重试' }),
      );
    },

    clear() {
      this.paintBlank();
      this.setData({ hasInk: false });
      this.triggerEvent('change', { hasInk: false, dataUrl: '' });
    },

    confirm() {
      if (!this.data.hasInk) return;
      this.exportDataUrl().then(
        (dataUrl) => this.triggerEvent('confirm', { dataUrl }),
        () => this.triggerEvent('error', { message: '签名导出失败，请重试' }),
      );
    },

    /** PNG data URL: canvas.toDataURL where the base library has it, else a temp file read as base64. */
    exportDataUrl() {
      const canvas = this.canvas;
      if (!canvas) return Promise.reject(new Error('canvas not ready'));
      if (typeof canvas.toDataURL === 'function') {
        try {
          return Promise.resolve(canvas.toDataURL('image/png'));
        } catch {
          // Older base libraries: fall through to the temp file.
        }
      }
      return new Promise((resolve, reject) => {
        wx.canvasToTempFilePath(
          {
            canvas,
            fileType: 'png',
            success: (res) =>
              wx.getFileSystemManager().readFile({
                filePath: res.tempFilePath,
                encoding: 'base64',
                success: (file) => resolve(`data:image/png;base64,${file.data}`),
                fail: reject,
              }),
            fail: reject,
          },
          this,
        );
      });
    },
  },
});
