import fs from 'node:fs';
import path from 'node:path';
import { compileString } from 'sass';
import { act, render } from '@testing-library/react';
import { Page } from '@/components/page';
import { careModeStore } from '@/features/settings/care-mode-store';
import { freshApp } from './helpers';

// Taro's H5 tab bar as it is on the page (outside every <Page>), with Taro's own styles and ours.
const ROOT = path.resolve(__dirname, '../..');
const TARO_TABBAR_CSS = path.join(ROOT, 'node_modules/@tarojs/components/dist/collection/components/tabbar/style/index.css');

function installTabBar(): { labels: HTMLElement[]; remove(): void } {
  const style = document.createElement('style');
  style.textContent = fs.readFileSync(TARO_TABBAR_CSS, 'utf8') + compileString(fs.readFileSync(path.join(ROOT, 'src/app.scss'), 'utf8')).css;
  document.head.appendChild(style);
  const bar = document.createElement('div');
  bar.className = 'taro-tabbar__tabbar taro-tabbar__tabbar-bottom';
  bar.innerHTML = ['首页', '政策', '办事', '我的']
    .map((text, i) => `<a class="weui-tabbar__item${i === 0 ? ' weui-bar__item_on' : ''}"><p class="weui-tabbar__label" style="color: ${i === 0 ? '#1677ff' : '#5c6370'}">${text}</p></a>`)
    .join('');
  document.body.appendChild(bar);
  return {
    labels: Array.from(bar.querySelectorAll<HTMLElement>('.weui-tabbar__label')),
    remove() {
      bar.remove();
      style.remove();
    },
  };
}

const px = (value: string) => {
  expect(value).toMatch(/^\d+(\.\d+)?px$/);
  return parseFloat(value);
};

beforeEach(() => {
  freshApp();
  careModeStore.set(false);
});

describe('关怀模式 on H5 reaches the tab bar', () => {
  it('makes the tab labels larger while it is on, and puts them back when it is off', () => {
    const tabBar = installTabBar();
    render(
      <Page title="首页">
        <span>首页内容</span>
      </Page>,
    );
    const normal = px(getComputedStyle(tabBar.labels[1]).fontSize);

    act(() => careModeStore.set(true));
    // 28 in the 750-wide design is 14px on a phone (Taro's rem), against Taro's fixed 10px.
    expect(px(getComputedStyle(tabBar.labels[1]).fontSize)).toBeGreaterThan(normal * 2);
    expect(px(getComputedStyle(tabBar.labels[0]).fontSize)).toBeGreaterThan(normal * 2);

    act(() => careModeStore.set(false));
    expect(px(getComputedStyle(tabBar.labels[1]).fontSize)).toBe(normal);
    tabBar.remove();
  });
});
