import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { SIGNATURE_MAX_BYTES } from '@contract/delivery-rules';
import { isWeapp } from '@/lib/wx/env';
import { chooseImageDataUrl, dataUrlBytes, fileToDataUrl } from '@/lib/wx/media';
import { showErrorToast } from '@/lib/wx/ui';
import { Choice } from './choice';
import { SignatureCanvas } from './signature-canvas';

const TOO_BIG = '图片不能超过300KB，请重新拍摄';

/**
 * The drawn signature: the native component in WeChat, its React twin elsewhere. Every stroke hands the
 * drawing over (so 确认送达 works straight after signing); 确认签名 also closes the pad (see SignedProof).
 */
function SignaturePad({ onChange, onConfirm }: { onChange: (dataUrl: string) => void; onConfirm: (dataUrl: string) => void }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <signature-pad
        height={180}
        placeholder="请签收人在此签名"
        onChange={(e) => onChange(e.detail.dataUrl ?? '')}
        onConfirm={(e) => e.detail.dataUrl && onConfirm(e.detail.dataUrl)}
        onError={(e) => showErrorToast(e.detail.message ?? '签名导出失败，请重试')}
      />
    );
  }
  return <SignatureCanvas height={180} placeholder="请签收人在此签名" onChange={onChange} onConfirm={onConfirm} />;
}

/** After 确认签名: the signature as it will be filed, with 重签 to draw it again. */
function SignedProof({ value, onResign }: { value: string; onResign: () => void }) {
  return (
    <View data-testid="signature-confirmed">
      <Image className="yst-handover__image" src={value} mode="aspectFit" ariaLabel="已确认的签名" />
      <View className="yst-signed" ariaRole="status">
        <Text className="yst-signed__text">✓ 已签名</Text>
        <Button size="small" onClick={onResign}>
          重签
        </Button>
      </View>
    </View>
  );
}

function PhotoProof({ value, onChange }: { value: string; onChange: (dataUrl: string) => void }) {
  const [busy, setBusy] = useState(false);
  const accept = (dataUrl: string | null) => {
    if (!dataUrl) return;
    if (dataUrlBytes(dataUrl) > SIGNATURE_MAX_BYTES) showErrorToast(TOO_BIG);
    else onChange(dataUrl);
  };
  const pickInWechat = async () => {
    setBusy(true);
    try {
      accept(await chooseImageDataUrl());
    } catch (e) {
      showErrorToast(e instanceof Error ? e.message : '读取图片失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      accept(await fileToDataUrl(file, SIGNATURE_MAX_BYTES));
    } catch (e) {
      showErrorToast(e instanceof Error ? e.message : '读取图片失败，请重试');
    }
  };
  return (
    <View>
      {isWeapp ? (
        <Button block loading={busy} onClick={() => void pickInWechat()}>
          拍照或从相册选择
        </Button>
      ) : (
        <input type="file" accept="image/png,image/jpeg" capture="environment" aria-label="选择签收照片" onChange={(e) => void pickFile(e.target.files?.[0])} />
      )}
      {value ? <Image className="yst-handover__image" src={value} mode="aspectFit" ariaLabel="签收照片" /> : <Text className="yst-field__hint">拍摄签收人手持证照或签收单的照片</Text>}
    </View>
  );
}

/** Proof of handover: a signature drawn on screen, or a photo. */
export function HandoverProof({ value, onChange }: { value: string; onChange: (dataUrl: string) => void }) {
  const [kind, setKind] = useState<'signature' | 'photo'>('signature');
  const [confirmed, setConfirmed] = useState(false);
  const switchTo = (next: 'signature' | 'photo') => {
    setKind(next);
    setConfirmed(false);
    onChange('');
  };
  const confirm = (dataUrl: string) => {
    setConfirmed(true);
    onChange(dataUrl);
  };
  const resign = () => {
    setConfirmed(false);
    onChange('');
  };
  const signature = confirmed && value ? <SignedProof value={value} onResign={resign} /> : <SignaturePad onChange={onChange} onConfirm={confirm} />;
  return (
    <View>
      <View className="yst-choices">
        <Choice label="手写签名" checked={kind === 'signature'} onPick={() => switchTo('signature')} />
        <Choice label="拍照留存" checked={kind === 'photo'} onPick={() => switchTo('photo')} />
      </View>
      {kind === 'signature' ? signature : <PhotoProof value={value} onChange={onChange} />}
    </View>
  );
}
