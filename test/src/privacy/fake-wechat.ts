/**
 * WeChat's privacy gate as the base library runs it (小程序隐私协议开发指南): a guarded API called before
 * the user agreed stays pending and WeChat calls the onNeedPrivacyAuthorization listener with a resolve.
 * resolve({ event: 'agree', buttonId }) lets the call go on, but only if the user really tapped the
 * native <button open-type="agreePrivacyAuthorization"> with that id; resolve({ event: 'disagree' })
 * fails it with "<api>:fail privacy permission is not authorized" (errno 104).
 * Installed as the global `wx` that src/lib/wx/privacy.ts talks to.
 */
type ResolveOption = { event: string; buttonId?: string };
type Listener = (resolve: (option: ResolveOption) => void, eventInfo: { referrer: string }) => void;

export interface WxFailure {
  errMsg: string;
  errno?: number;
}

export const fakeWechat = {
  needAuthorization: true,
  listener: null as Listener | null,
  /** Every resolve() the app made, in order. */
  resolutions: [] as ResolveOption[],
  /** ids of agree buttons the user tapped since the last reset. */
  tappedAgreeButtons: new Set<string>(),
  contractOpened: 0,
  /** Guarded API calls that reached the platform (after consent, or with consent already given). */
  granted: [] as string[],

  reset(): void {
    this.needAuthorization = true;
    this.listener = null;
    this.resolutions = [];
    this.tappedAgreeButtons.clear();
    this.contractOpened = 0;
    this.granted = [];
  },

  /** Runs `proceed` as the guarded API `api` would: at once when agreed, else after the app's resolve. */
  guard<T>(api: string, proceed: () => T): Promise<T> {
    const refused = (): WxFailure => ({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 });
    const run = () => {
      this.granted.push(api);
      return proceed();
    };
    if (!this.needAuthorization) return Promise.resolve(run());
    const listener = this.listener;
    if (!listener) return Promise.reject(refused());
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      listener(
        (option) => {
          this.resolutions.push(option);
          if (settled) return;
          if (option.event === 'agree') {
            settled = true;
            if (option.buttonId && this.tappedAgreeButtons.has(option.buttonId)) {
              this.needAuthorization = false;
              resolve(run());
            } else {
              reject({ errMsg: `${api}:fail privacy agree button not tapped` });
            }
          } else if (option.event === 'disagree') {
            settled = true;
            reject(refused());
          }
        },
        { referrer: 'pages/test/index' },
      );
    });
  },
};

const wx = {
  onNeedPrivacyAuthorization(listener: Listener) {
    fakeWechat.listener = listener;
  },
  getPrivacySetting(options: { success?: (res: { needAuthorization: boolean; privacyContractName: string; errMsg: string }) => void }) {
    options.success?.({ needAuthorization: fakeWechat.needAuthorization, privacyContractName: '《营商通隐私保护指引》', errMsg: 'getPrivacySetting:ok' });
  },
  openPrivacyContract(options: { success?: () => void } = {}) {
    fakeWechat.contractOpened += 1;
    options.success?.();
  },
};

/** The base library sees taps on native open-type buttons; the components stub keeps the open type as data-open-type. */
function recordAgreeTap(event: MouseEvent): void {
  const button = (event.target as Element | null)?.closest?.('button[data-open-type]');
  if (button && (button.getAttribute('data-open-type') ?? '').split('|').includes('agreePrivacyAuthorization')) {
    fakeWechat.tappedAgreeButtons.add(button.id);
  }
}

export function installFakeWechat(): void {
  (globalThis as unknown as { wx: typeof wx }).wx = wx;
  document.addEventListener('click', recordAgreeTap, true);
}
