const PHONE = /(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|(?<!\d)\d{7,8}(?!\d))/;

/** The callable number inside a free-text contact such as “区人社局就业科 0571-88886666”. */
export function phoneIn(contact: string): string | null {
  const match = PHONE.exec(contact);
  return match ? match[0].replace(/-/g, '') : null;
}
