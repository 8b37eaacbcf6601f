import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { isWeapp } from '@/lib/wx/env';
import { qrMatrix, type QrMatrix } from './qr-matrix';

// Size on screen in px (CSS), and the quiet zone in modules (the standard asks for 4).
const SIZE = 240;
const QUIET = 4;

type Canvas2d = { width: number; height: number; getContext: (kind: '2d') => CanvasRenderingContext2D };

function paint(canvas: Canvas2d, matrix: QrMatrix, ratio: number): void {
  canvas.width = SIZE * ratio;
  canvas.height = SIZE * ratio;
  const ctx = canvas.getContext('2d');
  const modules = matrix.size + QUIET * 2;
  const cell = canvas.width / modules;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      // Overlap by a hair so anti-aliasing leaves no light seams between modules.
      if (matrix.isDark(row, col)) ctx.fillRect((col + QUIET) * cell, (row + QUIET) * cell, cell + 0.5, cell + 0.5);
    }
  }
}

/** WeChat: a canvas 2d node, found after render and painted once per text. */
function WeappQr({ id, matrix }: { id: string; matrix: QrMatrix }) {
  useEffect(() => {
    const timer = setTimeout(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: { node?: Canvas2d }[]) => {
          const node = result?.[0]?.node;
          if (node) paint(node, matrix, Taro.getSystemInfoSync().pixelRatio || 2);
        });
    }, 50);
    return () => clearTimeout(timer);
  }, [id, matrix]);
  return <Canvas type="2d" id={id} className="yst-vs-qr__canvas" style={{ width: `${SIZE}px`, height: `${SIZE}px` }} />;
}

interface VisitQrProps {
  /** Exactly what the code holds: the mini-program path on weapp, the absolute H5 link in a browser. */
  text: string;
  caption: string;
}

export function VisitQr({ text, caption }: VisitQrProps) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const src = useMemo(() => (isWeapp ? '' : matrix.toDataUrl(8, QUIET)), [matrix]);
  return (
    <View className="yst-vs-qr" data-qr-text={text}>
      {isWeapp ? (
        <WeappQr id="visit-qr" matrix={matrix} />
      ) : (
        <Image className="yst-vs-qr__image" src={src} style={{ width: `${SIZE}px`, height: `${SIZE}px` }} ariaLabel="评价二维码" />
      )}
      <Text className="yst-vs-qr__caption">{caption}</Text>
    </View>
  );
}

/** What the code should hold here: the path in WeChat; in a browser the absolute link of the H5 build. */
export function qrTextFor(visit: { miniProgramPath: string; h5Url: string }): string {
  if (isWeapp || typeof window === 'undefined') return visit.miniProgramPath;
  return `${window.location.origin}${window.location.pathname.replace(/index\.html$/, '').replace(/\/$/, '')}${visit.h5Url}`;
}
