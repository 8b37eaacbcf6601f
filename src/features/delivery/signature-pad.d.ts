// The native custom component src/components/native/signature-pad, used in JSX as <signature-pad>
// on weapp (declared in the page config's usingComponents).
import 'react';

type SignatureEvent = { detail: { dataUrl?: string; hasInk?: boolean; message?: string } };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- JSX intrinsic elements live in this namespace
  namespace JSX {
    interface IntrinsicElements {
      'signature-pad': {
        id?: string;
        height?: number;
        placeholder?: string;
        onChange?: (event: SignatureEvent) => void;
        onConfirm?: (event: SignatureEvent) => void;
        onError?: (event: SignatureEvent) => void;
      };
    }
  }
}
