import { highlight, indexText, matchedTerms, queryTokens, segment, toFts5Match, toTsQuery } from '../../../server/lib/search';
import { policies } from '../../../server/seed/data/policies';

/** A tiny stand-in for the FTS engines: every query token must be present; more hits rank higher. */
const published = policies.filter((p) => p.status === 'published');
const index = published.map((p) => {
  const tokens = indexText([p.title, p.summary, p.body, p.tags.join(' '), p.basisDoc]).split(' ');
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { p, counts, titleTokens: new Set(indexText([p.title]).split(' ')) };
});

function search(q: string): string[] {
  const tokens = queryTokens(q);
  return index
    .filter((d) => tokens.every((t) => d.counts.has(t)))
    .map((d) => ({
      title: d.p.title,
      score: tokens.reduce((s, t) => s + (d.counts.get(t) ?? 0) + (d.titleTokens.has(t) ? 10 : 0), 0),
    }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.title);
}

const fullText = (title: string) => {
  const p = published.find((x) => x.title === title)!;
  return [p.title, p.summary, p.body, p.tags.join(' '), p.basisDoc].join('\n');
};

describe('segment', () => {
  it('keeps words and numbers, drops punctuation, lower-cases Latin', () => {
    expect(segment('电子营业执照')).toEqual(['电子', '营业', '执照']);
    expect(segment('2023年 AI产业')).toEqual(['2023', '年', 'ai', '产业']);
  });

  it('adds the 2-character pairs of a long word', () => {
    expect(segment('中小企业')).toEqual(['中小企业', '中小', '小企', '企业']);
  });

  it('keeps abbreviations the dictionary does not know as one token', () => {
    expect(segment('社保补贴')).toEqual(['社保', '补贴']);
    // A run of such characters is treated as one word: kept whole, plus its pairs.
    expect(segment('失业保险稳岗返还')).toEqual(['失业', '保险', '稳岗返还', '稳岗', '岗返', '返还']);
  });
});

describe('queryTokens', () => {
  it('tokenises mixed text the way people type it', () => {
    expect(queryTokens('2023 稳岗')).toEqual(['2023', '稳岗']);
    expect(queryTokens('  社保  ')).toEqual(['社保']);
    expect(queryTokens('ＡＩ 产业')).toEqual(['ai', '产业']);
  });

  it('drops function words and punctuation, and yields nothing for nothing', () => {
    expect(queryTokens('对企业的补贴！')).toEqual(['企业', '补贴']);
    expect(queryTokens('，。 ')).toEqual([]);
  });

  it('never asks for a pair that spans two words of the query', () => {
    expect(queryTokens('社保补贴')).toEqual(['社保', '补贴']);
  });

  it('asks only for tokens the index holds whenever the query occurs in the text', () => {
    const text = '对连片面积50亩以上的生态茶园给予补助，茶青收购贷款贴息';
    const indexed = new Set(indexText([text]).split(' '));
    for (const q of ['生态茶园', '茶青收购', '茶', '50亩', '贷款贴息', '园给']) {
      for (const t of queryTokens(q)) expect({ q, t, found: indexed.has(t) }).toEqual({ q, t, found: true });
    }
  });
});

describe('two-character searches over the seed policies', () => {
  it('社保 finds social-insurance policies, also where only 社会保险 is written', () => {
    const r = search('社保');
    expect(r).toEqual(expect.arrayContaining(['小微企业吸纳就业社保补贴', '困难企业阶段性缓缴社会保险费', '失业保险稳岗返还']));
    expect(r[0]).toBe('小微企业吸纳就业社保补贴');
    expect(r).not.toContain('茶叶区域公用品牌建设奖励');
  });

  it('补贴 finds subsidies', () => {
    const r = search('补贴');
    expect(r).toEqual(expect.arrayContaining(['小微企业吸纳就业社保补贴', '高校毕业生就业见习补贴', '人才引进安家补贴']));
    expect(r).not.toContain('轻微违法行为“首违不罚”');
  });

  it('贷款 finds loans, interest subsidies and 政采贷 (信贷)', () => {
    const r = search('贷款');
    expect(r).toEqual(
      expect.arrayContaining(['创业担保贷款贴息', '农业产业化龙头企业贷款贴息', '政府采购合同融资“政采贷”', '中小微企业贷款风险补偿']),
    );
    expect(r).not.toContain('绿色工厂奖励');
  });

  it('执照 finds the 营业执照 services and nothing about taxes', () => {
    const r = search('执照');
    expect(r).toEqual(expect.arrayContaining(['政府采购电子营业执照免提交', '企业开办“零成本”服务', '营业执照及证照上门递送服务']));
    expect(r).not.toContain('小微企业“六税两费”减半征收');
    // The withdrawn 个体工商户 policy mentions 营业执照 but is not published.
    expect(r).not.toContain('个体工商户转型为企业奖励');
  });

  it('研发 finds R&D policies, the title match first', () => {
    const r = search('研发');
    expect(r).toEqual(expect.arrayContaining(['企业研发投入奖补', '科技型中小企业研发费用加计扣除', '高新技术企业认定培育入库']));
    expect(r.slice(0, 2).sort()).toEqual(['企业研发投入奖补', '科技型中小企业研发费用加计扣除'].sort());
  });

  it('mixed text 2023 稳岗 finds 稳岗返还', () => {
    expect(search('2023 稳岗')).toContain('失业保险稳岗返还');
  });

  it('longer phrases and one character work too', () => {
    // 研发投入奖补 is measured by the 加计扣除 amount, so it is rightly found too, but second.
    expect(search('研发费用加计扣除')).toEqual(['科技型中小企业研发费用加计扣除', '企业研发投入奖补']);
    expect(search('社保补贴')[0]).toBe('小微企业吸纳就业社保补贴');
    expect(search('茶')).toEqual(expect.arrayContaining(['茶叶区域公用品牌建设奖励', '茶旅融合示范点奖励', '茶叶电商直播销售奖励']));
  });

  it('every result shows at least one highlighted match', () => {
    for (const q of ['社保', '补贴', '贷款', '执照', '研发', '2023 稳岗', '租金']) {
      for (const title of search(q)) {
        expect({ q, title, hit: highlight(fullText(title), q).some((r) => r.hit) }).toEqual({ q, title, hit: true });
      }
    }
  });
});

describe('highlight', () => {
  it('splits text into runs around the matched words', () => {
    expect(highlight('创业担保贷款贴息', '贷款')).toEqual([
      { text: '创业担保', hit: false },
      { text: '贷款', hit: true },
      { text: '贴息', hit: false },
    ]);
  });

  it('marks the spelled-out form an abbreviation stands for', () => {
    expect(highlight('按规定缴纳社会保险费', '社保')).toEqual([
      { text: '按规定缴纳', hit: false },
      { text: '社会保险', hit: true },
      { text: '费', hit: false },
    ]);
  });

  it('joins adjacent matches and ignores Latin case', () => {
    expect(highlight('支持AI产业与稳岗', 'ai 稳岗')).toEqual([
      { text: '支持', hit: false },
      { text: 'AI', hit: true },
      { text: '产业与', hit: false },
      { text: '稳岗', hit: true },
    ]);
    expect(highlight('研发费用加计扣除', '研发费用')).toEqual([
      { text: '研发费用', hit: true },
      { text: '加计扣除', hit: false },
    ]);
  });

  it('returns the text unmarked for an empty query and nothing for empty text', () => {
    expect(highlight('补贴', '')).toEqual([{ text: '补贴', hit: false }]);
    expect(highlight('', '补贴')).toEqual([]);
  });

  it('lists the matched words for a list item', () => {
    expect(matchedTerms('社保补贴：按社会保险费给予补贴', '社保 补贴')).toEqual(['社保补贴', '社会保险', '补贴']);
  });
});

describe('engine query strings', () => {
  it('require every token on both engines and quote them', () => {
    expect(toFts5Match(['2023', '稳岗'])).toBe('"2023" AND "稳岗"');
    expect(toTsQuery(['2023', '稳岗'])).toBe("'2023' & '稳岗'");
    expect(toFts5Match([])).toBeNull();
    expect(toTsQuery([])).toBeNull();
  });
});
