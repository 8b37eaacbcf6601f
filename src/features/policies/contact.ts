const PHONE = /(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|(?<!\d)\d{7,8}(?!\d))/;

/** A free-text contact such as “区人社局就业科 0571-88886666” cut around its number, so the number can be kept on one line (never “0591-/83261105”). */
export interface ContactParts {
  before: string;
  /** As written, e.g. 0591-83261105. */
  number: string;
  after: string;
  /** Digits only, for dialling. */
  dial: string;
}

export function splitContact(contact: string): ContactParts | null {
  const match = PHONE.exec(contact);
  if (!match) return null;
  const number = match[0];
  return { before: contact.slice(0, match.index), number, after: contact.slice(match.index + number.length), dial: number.replace(/-/g, '') };
}
