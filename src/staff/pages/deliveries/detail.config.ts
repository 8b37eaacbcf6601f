// The handover signature is a native custom component; Taro copies what usingComponents names into the build.
export default definePageConfig({
  navigationBarTitleText: '递送处理',
  usingComponents: { 'signature-pad': '../../../components/native/signature-pad/index' },
});
