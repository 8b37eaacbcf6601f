import Taro from '@tarojs/taro';
import { isWeapp } from './env';

export type ImageMime = 'image/png' | 'image/jpeg';

function mimeOf(path: string): ImageMime {
  return /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
}

/** Reads a local file (a temp file from the camera, a canvas export) as a data URL. Weapp only. */
export function readFileAsDataUrl(filePath: string, mime: ImageMime = mimeOf(filePath)): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(`data:${mime};base64,${String(res.data)}`),
      fail: () => reject(new Error('读取图片失败，请重试')),
    });
  });
}

/**
 * One photo from the camera or album as a data URL (weapp). WeChat asks for privacy consent first;
 * a cancel or refusal resolves to null. Images are taken compressed to stay under the upload limit.
 */
export async function chooseImageDataUrl(): Promise<string | null> {
  if (!isWeapp) return null;
  let path: string;
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    path = res.tempFiles[0]?.tempFilePath ?? '';
  } catch {
    return null;
  }
  if (!path) return null;
  const compressed = await Taro.compressImage({ src: path, quality: 60 }).then((r) => r.tempFilePath, () => path);
  return readFileAsDataUrl(compressed, mimeOf(compressed));
}

/** Bytes a base64 data URL decodes to (the server's limit is on decoded bytes). */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new window.Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('无法读取该图片，请换一张'));
    image.src = src;
  });
}

function readBlob(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('读取图片失败，请重试'));
    reader.readAsDataURL(file);
  });
}

/**
 * H5: a picked photo as a JPEG data URL no larger than maxBytes. Phone photos are several MB,
 * so they are scaled down on a canvas (longest side 1280px, then lower quality) until they fit.
 */
export async function fileToDataUrl(file: File, maxBytes: number): Promise<string> {
  const original = await readBlob(file);
  if (/^data:image\/(png|jpeg);/.test(original) && dataUrlBytes(original) <= maxBytes) return original;
  const image = await loadImage(original);
  const scale = Math.min(1, 1280 / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('无法处理该图片，请换一张');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.8, 0.6, 0.4, 0.25]) {
    const out = canvas.toDataURL('image/jpeg', quality);
    if (dataUrlBytes(out) <= maxBytes) return out;
  }
  throw new Error('图片过大，请换一张或重新拍摄');
}
