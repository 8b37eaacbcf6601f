import type { EnterpriseScale, NewEnterprise } from '../../../types/enterprise';
import { usccCheckCharacter } from '../../../types/uscc';

/**
 * 50 demo enterprises of 茗溪区 (fictional names and codes). Every 统一社会信用代码 is built the
 * way GB 32100-2015 builds it, so it passes the real check:
 *   9 (registered by 市场监管) + 1 (enterprise) + 350129 (the district's division code)
 *   + a 9-character organisation code (GB 11714, own check character) + the USCC check character.
 * Older firms carry 8-digit organisation codes; ones registered since 2016 the "MA…" form.
 * The two codes published in GB 32100 are deliberately absent (tests add them themselves).
 */
export const DIVISION_CODE = '350129';

const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
export function organisationCheckCharacter(body8: string): string {
  const sum = [...body8].reduce((acc, ch, i) => acc + ORG_ALPHABET.indexOf(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function seedUscc(body8: string): string {
  const first17 = `91${DIVISION_CODE}${body8}${organisationCheckCharacter(body8)}`;
  return first17 + usccCheckCharacter(first17);
}

const MFG = '制造业';
const AGR = '农、林、牧、渔业';
const TRADE = '批发和零售业';
const IT = '信息传输、软件和信息技术服务业';
const HOTEL = '住宿和餐饮业';
const BUILD = '建筑业';
const RESEARCH = '科学研究和技术服务业';
const LOGISTICS = '交通运输、仓储和邮政业';
const BUSINESS = '租赁和商务服务业';
const CULTURE = '文化、体育和娱乐业';

const HNTE = '高新技术企业';
const SRDI = '专精特新中小企业';
const TECH_SME = '科技型中小企业';
const AGRI_LEADER = '农业产业化龙头企业';
const GREEN = '绿色工厂';

type Row = [body8: string, name: string, industry: string, scale: EnterpriseScale, district: string, quals: string[], registeredOn: string | null];

const rows: Row[] = [
  ['70512036', '茗溪云峰茶业有限公司', MFG, '中型', '云峰镇', [AGRI_LEADER, GREEN], '2005-06-18'],
  ['71146829', '茗溪白岩生态茶园开发有限公司', AGR, '小型', '白岩镇', [AGRI_LEADER], '2007-03-09'],
  ['73208451', '茗溪梅岭岩茶制作有限公司', MFG, '小型', '梅岭镇', [], '2009-11-23'],
  ['75609312', '茗溪龙湖精密机械制造有限公司', MFG, '中型', '龙湖街道', [HNTE, SRDI], '2010-05-12'],
  ['77830164', '茗溪恒达智能装备制造有限公司', MFG, '中型', '东湖街道', [HNTE, SRDI, GREEN], '2011-08-30'],
  ['79013527', '茗溪溪口竹木制品有限公司', MFG, '小型', '溪口镇', [], '2012-02-14'],
  ['05821736', '茗溪青山茶叶种植有限公司', AGR, '微型', '青山乡', [], '2013-07-01'],
  ['06934215', '茗溪茶园数码科技有限公司', IT, '小型', '茶园街道', [TECH_SME], '2014-04-22'],
  ['08127643', '茗溪石门建筑工程有限公司', BUILD, '中型', '石门镇', [], '2014-10-08'],
  ['09356218', '茗溪凤岗食品有限公司', MFG, '小型', '凤岗镇', [GREEN], '2015-03-17'],
  ['MA2Y3K7C', '茗溪茗香茶文化传播有限公司', CULTURE, '微型', '茶园街道', [], '2016-05-26'],
  ['MA2Y5P1D', '茗溪云端软件开发有限公司', IT, '小型', '东湖街道', [HNTE, TECH_SME], '2016-09-12'],
  ['MA2Y8H4E', '茗溪绿源新材料科技有限公司', MFG, '小型', '龙湖街道', [HNTE, SRDI, TECH_SME], '2017-01-05'],
  ['MA2YA26F', '茗溪鑫茂商贸有限公司', TRADE, '小型', '茶园街道', [], '2017-06-19'],
  ['MA2YC93G', '茗溪溪畔民宿管理有限公司', HOTEL, '微型', '溪口镇', [], '2017-11-02'],
  ['MA2YF47H', '茗溪明远检测技术有限公司', RESEARCH, '小型', '龙湖街道', [TECH_SME], '2018-03-28'],
  ['MA2YH15J', '茗溪顺捷物流有限公司', LOGISTICS, '小型', '东湖街道', [], '2018-07-16'],
  ['MA2YK62K', '茗溪佳和餐饮管理有限公司', HOTEL, '微型', '龙湖街道', [], '2018-12-03'],
  ['MA2YM38L', '茗溪华宇电子科技有限公司', MFG, '中型', '龙湖街道', [HNTE, SRDI, GREEN], '2019-02-21'],
  ['MA2YP74M', '茗溪白岩红茶专业加工有限公司', MFG, '小型', '白岩镇', [], '2019-05-10'],
  ['MA2YR53N', '茗溪茶乡电子商务有限公司', TRADE, '微型', '云峰镇', [], '2019-08-27'],
  ['MA2YT81P', '茗溪同创企业管理咨询有限公司', BUSINESS, '微型', '茶园街道', [], '2019-12-09'],
  ['MA2YW26Q', '茗溪梅岭生态农业开发有限公司', AGR, '小型', '梅岭镇', [AGRI_LEADER], '2020-03-30'],
  ['MA2YX47R', '茗溪东湖光电科技有限公司', MFG, '小型', '东湖街道', [HNTE, TECH_SME], '2020-06-15'],
  ['MA2YY95T', '茗溪安居装饰工程有限公司', BUILD, '小型', '石门镇', [], '2020-09-08'],
  ['MA32A16U', '茗溪智农信息技术有限公司', IT, '微型', '云峰镇', [TECH_SME], '2020-11-19'],
  ['MA32C58W', '茗溪山水旅游开发有限公司', CULTURE, '小型', '梅岭镇', [], '2021-03-15'],
  ['70815243', '茗溪嘉禾药业有限公司', MFG, '大型', '凤岗镇', [HNTE, GREEN], '2006-09-01'],
  ['MA32G24Y', '茗溪瑞丰茶具有限公司', MFG, '微型', '白岩镇', [], '2021-07-07'],
  ['MA32J81A', '茗溪青禾生物科技有限公司', RESEARCH, '小型', '龙湖街道', [HNTE, SRDI, TECH_SME], '2021-10-25'],
  ['MA32L35B', '茗溪联众超市有限公司', TRADE, '中型', '东湖街道', [], '2022-01-13'],
  ['MA32N62C', '茗溪茶香农家乐有限公司', HOTEL, '微型', '青山乡', [], '2022-04-06'],
  ['MA32Q97D', '茗溪宏远建材有限公司', MFG, '小型', '石门镇', [], '2022-06-28'],
  ['MA32T48E', '茗溪易达网络科技有限公司', IT, '微型', '茶园街道', [], '2022-09-14'],
  ['MA32U13F', '茗溪云峰高山茶合作发展有限公司', AGR, '微型', '云峰镇', [], '2022-12-01'],
  ['MA32W76G', '茗溪精工模具有限公司', MFG, '小型', '龙湖街道', [SRDI], '2023-02-20'],
  ['MA32X29H', '茗溪众诚人力资源服务有限公司', BUSINESS, '小型', '东湖街道', [], '2023-05-11'],
  ['MA32Y84J', '茗溪新程新能源科技有限公司', MFG, '中型', '凤岗镇', [HNTE, TECH_SME], '2023-08-03'],
  ['MA35A52K', '茗溪禾丰农产品批发有限公司', TRADE, '小型', '溪口镇', [], '2023-10-19'],
  ['MA35C17L', '茗溪智造工业设计有限公司', RESEARCH, '微型', '龙湖街道', [TECH_SME], '2024-01-08'],
  ['MA35E63M', '茗溪梅岭酒店管理有限公司', HOTEL, '小型', '梅岭镇', [], '2024-03-26'],
  ['MA35G38N', '茗溪溪口茶饮品有限公司', MFG, '小型', '溪口镇', [], '2024-06-17'],
  ['MA35J94P', '茗溪数智云科技有限公司', IT, '微型', '东湖街道', [], '2024-09-02'],
  ['MA35L21Q', '茗溪安顺货运有限公司', LOGISTICS, '微型', '石门镇', [], '2024-12-16'],
  ['76234509', '茗溪城建集团有限公司', BUILD, '大型', '茶园街道', [], '2008-12-30'],
  ['MA35Q43T', '茗溪青山竹笋加工有限公司', MFG, '微型', '青山乡', [], '2025-03-04'],
  ['MA35T69U', '茗溪白茶研究院有限公司', RESEARCH, '微型', '白岩镇', [], '2025-07-21'],
  ['MA35U25W', '茗溪茶韵文创有限公司', CULTURE, '微型', '茶园街道', [], '2026-02-27'],
  // Profiles not yet complete: the 政策计算器 must ask for the founding date.
  ['MA35W71X', '茗溪乐购便利店有限公司', TRADE, '微型', '龙湖街道', [], null],
  ['MA35X38Y', '茗溪匠心家具制造有限公司', MFG, '小型', '凤岗镇', [], null],
];

export const enterprises: NewEnterprise[] = rows.map(([body8, name, industry, scale, district, quals, registeredOn]) => ({
  uscc: seedUscc(body8),
  name,
  industry,
  scale,
  district,
  qualifications: quals,
  ...(registeredOn ? { registeredOn } : {}),
}));
