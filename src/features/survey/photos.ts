import Taro from '@tarojs/taro';
import { isWeapp } from '@/lib/wx/env';
import { isPrivacyRefusal } from '@/lib/wx/privacy';

/**
 * Photos for a problem report, as data URLs the API accepts (≤ 300 KB each). We aim lower (200 KB)
 * so three photos and the text fit in one WeChat storage entry (1 MB) while the report waits offline.
 */
export const PHOTO_TARGET_BYTES = 200 * 1024;
const MAX_SIDE = 1280;
const QUALITIES = [0.7, 0.5, 0.3];
const TOO_BIG = '图片过大，请换一张或裁剪后再试';

export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

const isCancel = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error));

async function weappToDataUrl(path: string): Promise<string> {
  const fs = Taro.getFileSystemManager();
  for (const quality of QUALITIES) {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: MAX_SIDE });
    const base64 = fs.readFileSync(tempFilePath, 'base64') as string;
    const dataUrl = `data:image/jpeg;base64,${base64}`;
    if (dataUrlBytes(dataUrl) <= PHOTO_TARGET_BYTES) return dataUrl;
  }
  throw new Error(TOO_BIG);
}

/** chooseMedia is privacy-guarded: WeChat holds it until the user agrees in our privacy popup. */
async function chooseInWeapp(count: number): Promise<string[]> {
  try {
    const { tempFiles } = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    const urls: string[] = [];
    for (const file of tempFiles.slice(0, count)) urls.push(await weappToDataUrl(file.tempFilePath));
    return urls;
  } catch (error) {
    // A refused privacy authorisation already told the user why (privacy popup): no second error.
    if (isCancel(error) || isPrivacyRefusal(error)) return [];
    throw error;
  }
}

function pickFiles(count: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.multiple = count > 1;
    input.onchange = () => resolve(Array.from(input.files ?? []).slice(0, count));
    input.click();
  });
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new window.Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('无法读取该图片，请换一张'));
    };
    image.src = url;
  });
}

/** Scaled down on a canvas and re-encoded as JPEG until small enough. */
async function h5ToDataUrl(file: File): Promise<string> {
  const image = await loadImage(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error(TOO_BIG);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  for (const quality of QUALITIES) {
    const dataUrl = canvas.toDataURL('image/jpeg', quality);
    if (dataUrlBytes(dataUrl) <= PHOTO_TARGET_BYTES) return dataUrl;
  }
  throw new Error(TOO_BIG);
}

/** Up to `count` photos from the camera or album, compressed; [] when the user cancels. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  if (isWeapp) return chooseInWeapp(count);
  const files = await pickFiles(count);
  const urls: string[] = [];
  for (const file of files) urls.push(await h5ToDataUrl(file));
  return urls;
}
