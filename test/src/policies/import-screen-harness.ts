import { fireEvent } from '@testing-library/react';
import { backend, freshApp, on, signedIn } from '../helpers';
import type { extra as Extra } from './taro-extra';

export const STAFF_USER = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };

/**
 * The 批量导入 screen's world: a signed-in department staff member and an empty upload log. The test
 * file mocks @tarojs/taro with ./taro-extra itself (jest hoists mocks per file) and passes its `extra`.
 */
export function freshImportScreen(extra: typeof Extra): void {
  freshApp();
  extra.reset();
  signedIn(STAFF_USER);
  backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } })));
  // jsdom has no object URLs; the browser gives the picked file one.
  URL.createObjectURL = () => 'blob:http://localhost/sheet-1';
}

/** What a person does in the browser's file dialog: picks one file. */
export function pickFile(name: string): void {
  const input = document.querySelector('input[type=file]') as HTMLInputElement | null;
  if (!input) throw new Error('no file input on the screen');
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)] });
  fireEvent.change(input);
}
