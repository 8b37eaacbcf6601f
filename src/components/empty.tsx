import type { ReactNode } from 'react';
import { Empty as NutEmpty } from '@nutui/nutui-react-taro';
import './empty.scss';

/**
 * NutUI's own Empty pictures live on JD's image CDN: outside the mini-program's allowed domains
 * and unreachable on a weak signal, i.e. broken exactly when an empty or error state shows. This one is
 * an inline SVG (an empty sheet of paper, about 300 bytes), base64 because WeChat's <image> and every
 * browser accept that form of data URI and the mini-program has no btoa to encode it at run time.
 */
export const EMPTY_PICTURE =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxNjAgMTYwIj48ZWxsaXBzZSBjeD0iODAiIGN5PSIxMzQiIHJ4PSI1NCIgcnk9IjgiIGZpbGw9IiNlOGVlZjciLz48cmVjdCB4PSI0NiIgeT0iMzAiIHdpZHRoPSI2OCIgaGVpZ2h0PSI5MiIgcng9IjgiIGZpbGw9IiNmNWY4ZmMiIHN0cm9rZT0iI2I4YzdkYiIgc3Ryb2tlLXdpZHRoPSIzIi8+PHBhdGggZD0iTTYwIDU0aDQwTTYwIDcwaDQwTTYwIDg2aDI0IiBzdHJva2U9IiNjYmQ2ZTQiIHN0cm9rZS13aWR0aD0iNCIgc3Ryb2tlLWxpbmVjYXA9InJvdW5kIi8+PC9zdmc+';

export interface EmptyProps {
  title: string;
  description?: ReactNode;
  /** A class for styling (yst-empty--error); the picture stays the same, the title says what happened. */
  status?: 'empty' | 'error';
  children?: ReactNode;
}

/** The one empty/error state of the app: always drop-in for NutUI's Empty, never a remote picture. */
export function Empty({ title, description, status = 'empty', children }: EmptyProps) {
  return (
    <NutEmpty status={status} image={EMPTY_PICTURE} title={title} description={description} className={`yst-empty yst-empty--${status}`}>
      {children}
    </NutEmpty>
  );
}
