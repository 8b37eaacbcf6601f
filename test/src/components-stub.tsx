/**
 * @tarojs/components as plain DOM elements. Taro's aria props (ariaRole, ariaLabel…) become real
 * ARIA attributes so tests can find things the way a screen reader would.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type AnyProps = Record<string, unknown> & { children?: ReactNode };

const DROP = new Set(['hoverClass', 'hoverStyle', 'placeholderClass', 'confirmType', 'focus', 'catchMove', 'openType', 'formType', 'password', 'scrollY', 'scrollX']);

function domProps(props: AnyProps): AnyProps {
  const out: AnyProps = {};
  for (const [key, value] of Object.entries(props)) {
    if (DROP.has(key) || value === undefined) continue;
    if (/^aria[A-Z]/.test(key)) {
      const name = key === 'ariaRole' ? 'role' : `aria-${key.slice(4).toLowerCase()}`;
      out[name] = typeof value === 'boolean' ? String(value) : value;
    } else if (key === 'maxlength') {
      out.maxLength = value;
    } else if (/^on[A-Z]/.test(key) && !['onClick', 'onTouchStart', 'onTouchMove', 'onTouchEnd'].includes(key)) {
      // Mini-program-only events (onAgreePrivacyAuthorization, onGetPhoneNumber…) have no DOM twin.
      continue;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function element(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, AnyProps>((props, ref) => createElement(tag, { ...domProps(props), ref }));
  Component.displayName = displayName;
  return Component;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const Image = element('img', 'Image');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Form = element('form', 'Form');
export const Label = element('label', 'Label');
export const Video = element('video', 'Video');
export const Canvas = element('canvas', 'Canvas');
export const Block = ({ children }: AnyProps) => <>{children}</>;

type AgreeHandler = ((event: { type: string; detail: Record<string, never>; currentTarget: { id: unknown } }) => void) | undefined;

/**
 * In WeChat a tap on <button open-type="agreePrivacyAuthorization"> fires bindtap and then
 * bindagreeprivacyauthorization; the open type is kept as data-open-type so a fake WeChat can check
 * which native button the user tapped (the base library checks the agree button was really tapped).
 */
export const Button = forwardRef<HTMLButtonElement, AnyProps>((props, ref) => {
  const openType = typeof props.openType === 'string' ? props.openType : undefined;
  const onClick = props.onClick as ((event: unknown) => void) | undefined;
  const onAgree = props.onAgreePrivacyAuthorization as AgreeHandler;
  const click =
    openType?.split('|').includes('agreePrivacyAuthorization') && onAgree
      ? (event: unknown) => {
          onClick?.(event);
          onAgree({ type: 'agreeprivacyauthorization', detail: {}, currentTarget: { id: props.id } });
        }
      : onClick;
  return <button type="button" {...domProps(props)} data-open-type={openType} onClick={click} disabled={Boolean(props.disabled)} ref={ref} />;
});
Button.displayName = 'Button';

type ValueHandler = ((event: { detail: { value: string }; target: EventTarget; currentTarget: EventTarget }) => void) | undefined;

// Taro's Input reports changes as onInput with event.detail.value.
export const Input = forwardRef<HTMLInputElement, AnyProps>((props, ref) => {
  const { onInput, onBlur, onFocus, type, ...rest } = props as AnyProps & { onInput?: ValueHandler; onBlur?: ValueHandler; onFocus?: ValueHandler; type?: string };
  const wrap = (handler: ValueHandler) =>
    handler
      ? (e: { target: EventTarget; currentTarget: EventTarget }) =>
          handler({ detail: { value: (e.target as HTMLInputElement).value }, target: e.target, currentTarget: e.currentTarget })
      : undefined;
  return (
    <input
      {...domProps(rest)}
      type={props.password ? 'password' : type ?? 'text'}
      ref={ref}
      onChange={wrap(onInput)}
      onBlur={wrap(onBlur)}
      onFocus={wrap(onFocus)}
    />
  );
});
Input.displayName = 'Input';

export const Textarea = Input;

/**
 * Taro's <Picker mode="date"> as the browser's date input: a change hands the picked YYYY-MM-DD to
 * onChange as e.detail.value, as WeChat's picker does.
 */
export const Picker = ({ value, start, end, onChange, children }: AnyProps & { value?: string; start?: string; end?: string; onChange?: (e: { detail: { value: string } }) => void }) => (
  <label>
    {children}
    <input type="date" value={value} min={start} max={end} onChange={(e) => onChange?.({ detail: { value: e.target.value } })} />
  </label>
);
