import { useEffect, useRef, useState, type PointerEvent } from 'react';

export interface SignaturePadProps {
  /** CSS pixels. */
  height?: number;
  placeholder?: string;
  /** After every stroke, with the PNG data URL; '' after 清除. */
  onChange?: (dataUrl: string) => void;
  onConfirm?: (dataUrl: string) => void;
}

type Point = { x: number; y: number };

/** White paper: a transparent PNG shows as black in some viewers. */
function paintBlank(canvas: HTMLCanvasElement | null): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.restore();
}

/**
 * The H5 twin of the native signature-pad component (src/components/native/signature-pad): same
 * props and events, drawn with pointer events so mouse, pen and finger all work.
 */
export function SignatureCanvas({ height = 180, placeholder = '请在此处签名', onChange, onConfirm }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<Point | null>(null);
  const [hasInk, setHasInk] = useState(false);

  const context = () => canvasRef.current?.getContext('2d') ?? null;

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round((canvas.clientWidth || 320) * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111111';
    paintBlank(canvas);
  }, [height]);

  const pointOf = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    last.current = pointOf(e);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const from = last.current;
    const ctx = context();
    if (!from || !ctx) return;
    const to = pointOf(e);
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
    if (!hasInk) setHasInk(true);
  };
  const end = () => {
    if (!last.current) return;
    last.current = null;
    if (hasInk && canvasRef.current) onChange?.(canvasRef.current.toDataURL('image/png'));
  };
  const clear = () => {
    paintBlank(canvasRef.current);
    setHasInk(false);
    onChange?.('');
  };
  const confirm = () => {
    if (hasInk && canvasRef.current) onConfirm?.(canvasRef.current.toDataURL('image/png'));
  };

  return (
    <div className="sp">
      <canvas
        ref={canvasRef}
        className="sp__canvas"
        data-testid="signature-canvas"
        data-has-ink={hasInk ? 'true' : 'false'}
        style={{ height: `${height}px`, width: '100%', touchAction: 'none' }}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
        onPointerCancel={end}
      />
      {hasInk ? null : <div className="sp__hint">{placeholder}</div>}
      <div className="sp__bar">
        <button type="button" className="sp__btn" disabled={!hasInk} onClick={clear}>
          清除
        </button>
        <button type="button" className="sp__btn sp__btn--primary" disabled={!hasInk} onClick={confirm}>
          确认签名
        </button>
      </div>
    </div>
  );
}
