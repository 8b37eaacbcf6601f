import fs from 'node:fs';
import path from 'node:path';
import { KB, MAIN_PACKAGE_BUDGET, WECHAT_PACKAGE_LIMIT, measurePackages, subpackageRoots } from '../../bench/size';
import { DIST, assertBuilt } from './simulate-taro';

/**
 * Every TypeBox type carries Symbol.for('TypeBox.Kind'): the key string survives minification,
 * so finding it in a bundle means the schema builder was bundled.
 */
const TYPEBOX_MARKER = 'TypeBox.Kind';
const TYPEBOX_BUILD = path.resolve(__dirname, '../../node_modules/@sinclair/typebox/build');

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

describe('WeChat package budget of the built mini-program', () => {
  beforeAll(assertBuilt);

  it('keeps the main package within 700 KB and every subpackage within WeChat’s 2 MB', () => {
    const packages = measurePackages(DIST);
    console.log(`${DIST}: ${packages.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}`);

    const [main, ...subs] = packages;
    expect(subs.map((p) => p.name)).toEqual(subpackageRoots(DIST));
    // A subpackage root without files means app.json and the build disagree: the sizes would lie.
    expect(subs.filter((p) => p.files.length === 0).map((p) => p.name)).toEqual([]);
    expect(main.files.map((f) => f.file)).toEqual(expect.arrayContaining(['app.js', 'app.json', 'vendors.js']));

    expect(main.bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
    expect(subs.filter((p) => p.bytes > WECHAT_PACKAGE_LIMIT).map((p) => `${p.name}: ${kb(p.bytes)}`)).toEqual([]);
  });

  it('the TypeBox marker is what this TypeBox version really bundles', () => {
    // If an upgrade renamed the symbol, the check below could no longer fail.
    const symbolFiles = ['esm/type/symbols/symbols.mjs', 'cjs/type/symbols/symbols.js'].map((f) => path.join(TYPEBOX_BUILD, f));
    for (const file of symbolFiles) expect(fs.readFileSync(file, 'utf8')).toContain(`Symbol.for('${TYPEBOX_MARKER}')`);
  });

  it('has no TypeBox code in the main package', () => {
    const [main] = measurePackages(DIST);
    const scripts = main.files.filter((f) => f.file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const withTypeBox = scripts
      .filter((f) => fs.readFileSync(path.join(DIST, f.file), 'utf8').includes(TYPEBOX_MARKER))
      .map((f) => f.file);
    expect(withTypeBox).toEqual([]);
  });
});
