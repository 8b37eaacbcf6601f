import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  isDark: (row: number, col: number) => boolean;
  /** A GIF data URL, for an <Image> where no canvas is needed (H5). */
  toDataUrl: (cellSize: number, margin: number) => string;
}

/**
 * A QR code of the text (byte mode, type chosen by length). Level M survives a scratched or glared
 * phone screen and keeps a 60-character link at 33×33 modules, big enough to scan across a desk.
 */
export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return {
    size: qr.getModuleCount(),
    isDark: (row, col) => qr.isDark(row, col),
    toDataUrl: (cellSize, margin) => qr.createDataURL(cellSize, margin),
  };
}
