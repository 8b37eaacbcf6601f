/**
 * Demo activity of 茗溪区 (fictional): who books, asks and rates, and in what words. Everything
 * here is made up. Phone numbers use the 1380000xxxx block every tester knows as a placeholder, and
 * every street address is on 演示路, a road that does not exist.
 */

/**
 * WeChat test openids bound to demo enterprises (by index into data/enterprises.ts), so a tester
 * who types `demo-owner-1` on 我的 is at once the owner of an enterprise with history.
 */
export const demoOwners: { openid: string; enterprise: number }[] = [
  { openid: 'demo-owner-1', enterprise: 0 },
  { openid: 'demo-owner-2', enterprise: 48 },
];

/**
 * Enterprises the browser tests drive through their own screens (bookings, 我的享受, visits),
 * where an extra card with the same name would make a click ambiguous: no demo booking, benefit,
 * message or visit for them. They still rate departments.
 */
export const keptClearOf = new Set([3, 5, 7, 41]);

/** A fictitious mobile number: the placeholder block 1380000xxxx. */
export const fakePhone = (n: number) => `1380000${String(n % 10_000).padStart(4, '0')}`;

export const DEMO_REGION = ['福建省', '福州市', '茗溪区'];
/** A fictitious street address in the enterprise's township. */
export const fakeAddress = (district: string, n: number) => `${district}演示路${n}号（演示地址）`;

export const recipients = ['陈立新', '林美华', '黄志强', '吴晓燕', '郑国栋', '刘慧敏', '张建华', '周丽娟', '许文涛', '蔡雅婷', '王建军', '李秀英', '杨振宇'];

export const cancelReasons = ['公司已安排员工到政务服务中心大厅自取', '营业执照信息需要变更，变更完成后再重新预约'];
export const failureReasons = ['收件人电话多次无人接听，地址处无人签收，证照已带回大厅'];
export const dispatchRemarks = ['请送至前台，联系人下午在岗', '材料较多，请提前电话联系'];

/** Services a department is rated on (the stage of a department rating): one per quarter per enterprise. */
export const departmentServices: Record<string, string[]> = {
  区政务服务中心: ['企业开办', '证照变更', '窗口咨询', '帮办代办', '证照领取'],
  区人社局: ['社保登记', '就业补贴申领', '用工备案', '人才认定', '劳动保障咨询'],
  区市场监管局: ['营业执照变更', '食品经营许可', '特种设备检验', '知识产权咨询', '年报指导'],
  区税务局: ['税费申报', '发票申领', '退税办理', '纳税咨询', '优惠政策辅导'],
  区科工局: ['技改项目备案', '高企申报辅导', '专精特新申报', '惠企政策兑现', '产业政策咨询'],
};

export const praise = [
  '窗口人员解释得很清楚，一次就办好了',
  '材料一次性告知，没有来回跑',
  '帮办代办很贴心，节省了不少时间',
  '线上提交后很快就有回复',
  '',
  '工作人员态度热情，流程顺畅',
  '',
  '比预想的快，点赞',
];
export const lukewarm = ['等候时间有点长', '整体可以，部分材料要求可以再简化', ''];

/** Bad ratings that became 差评工单, each walked to a different point of the 整改 process. */
export interface TicketStory {
  key: string;
  department: string;
  /** Index into data/enterprises.ts. */
  enterprise: number;
  /** The service rated (the rating's stage, one of departmentServices): what the complaint is about. None for a delivery. */
  service?: string;
  /** Working days before today the rating was made. */
  ratedDaysAgo: number;
  overall: 1 | 2;
  problem: { category: string; description: string };
  comment: string;
  /** Steps taken, each with how many working days before today it happened (0 = today). */
  callback?: { daysAgo: number; outcome: string };
  rectify?: { daysAgo: number; fix: string; reply: string };
  reopen?: { daysAgo: number; reason: string };
  confirm?: { daysAgo: number };
}

export const ticketStories: TicketStory[] = [
  {
    key: 'open',
    department: '区人社局',
    service: '就业补贴申领',
    enterprise: 12,
    ratedDaysAgo: 0,
    overall: 2,
    problem: { category: '办事效率', description: '就业补贴申领材料提交后一直显示审核中，电话咨询无人接听' },
    comment: '希望能告知审核进度',
  },
  {
    key: 'called-back',
    department: '区人社局',
    service: '用工备案',
    enterprise: 16,
    ratedDaysAgo: 6,
    overall: 1,
    problem: { category: '服务态度', description: '窗口人员对用工备案问题答复不耐烦，未一次性告知所需材料' },
    comment: '跑了两趟才办成',
    callback: { daysAgo: 5, outcome: '已电话联系企业经办人，致歉并说明用工备案材料清单，约定整改后再次回访' },
  },
  {
    key: 'reopened',
    department: '区人社局',
    service: '就业补贴申领',
    enterprise: 21,
    ratedDaysAgo: 14,
    overall: 2,
    problem: { category: '政策落实', description: '社保补贴到账金额与公示金额不一致' },
    comment: '',
    callback: { daysAgo: 13, outcome: '已联系企业财务核对补贴计算口径' },
    rectify: { daysAgo: 8, fix: '复核参保人数数据并补发差额', reply: '经复核，差额已于近日补发，请注意查收' },
    reopen: { daysAgo: 6, reason: '补发金额仍少一个月，请再核对' },
  },
  {
    key: 'rectified',
    department: '区市场监管局',
    service: '营业执照变更',
    enterprise: 0,
    ratedDaysAgo: 12,
    overall: 2,
    problem: { category: '办事效率', description: '营业执照经营范围变更等了五个工作日，超出承诺时限' },
    comment: '变更时间太长，影响投标',
    callback: { daysAgo: 11, outcome: '已回访企业负责人，了解延误原因为系统核验退回未及时告知' },
    rectify: {
      daysAgo: 3,
      fix: '变更登记退件改为当日短信告知，并由专人跟踪办结',
      reply: '感谢反馈。已建立退件当日告知机制，贵公司后续变更将由专人跟进，承诺时限内办结',
    },
  },
  {
    key: 'overdue',
    department: '区科工局',
    service: '惠企政策兑现',
    enterprise: 23,
    ratedDaysAgo: 21,
    overall: 2,
    problem: { category: '政策落实', description: '技改补助申报后两个多月未有结果，也无人告知进度' },
    comment: '',
    callback: { daysAgo: 20, outcome: '已电话回访，说明评审安排，承诺尽快反馈结果' },
  },
  {
    key: 'delivery',
    department: '区政务服务中心',
    enterprise: 28,
    ratedDaysAgo: 1,
    overall: 2,
    problem: { category: '递送服务', description: '预约上午送达，实际下午四点才送到，期间无人联系' },
    comment: '希望能提前电话告知',
    callback: { daysAgo: 0, outcome: '已致电企业说明当天派送线路调整情况，并致歉' },
  },
  {
    key: 'closed',
    department: '区税务局',
    service: '税费申报',
    enterprise: 30,
    ratedDaysAgo: 55,
    overall: 2,
    problem: { category: '服务水平', description: '电子税务局申报提示不清，导致重复申报' },
    comment: '',
    callback: { daysAgo: 54, outcome: '已上门辅导企业办税人员完成更正申报' },
    rectify: { daysAgo: 47, fix: '优化申报页面提示并制作操作指引', reply: '已更新电子税务局申报提示，并将操作指引发送至贵公司' },
    confirm: { daysAgo: 45 },
  },
  {
    key: 'closed-late',
    department: '区政务服务中心',
    service: '窗口咨询',
    enterprise: 36,
    ratedDaysAgo: 110,
    overall: 1,
    problem: { category: '服务态度', description: '大厅取号后等候一个半小时，无人引导' },
    comment: '体验很差',
    callback: { daysAgo: 109, outcome: '已向企业致歉，说明当日系统故障情况' },
    rectify: { daysAgo: 88, fix: '增设导办岗并上线排队进度短信提醒', reply: '大厅已增设导办人员，取号后可通过短信查看排队进度' },
    confirm: { daysAgo: 85 },
  },
  {
    key: 'closed-earlier',
    department: '区人社局',
    service: '劳动保障咨询',
    enterprise: 38,
    ratedDaysAgo: 170,
    overall: 2,
    problem: { category: '办事效率', description: '稳岗返还资金迟迟未到账' },
    comment: '',
    callback: { daysAgo: 169, outcome: '已联系企业核实账户信息' },
    rectify: { daysAgo: 160, fix: '更正企业银行账户信息后重新拨付', reply: '返还资金已重新拨付到账' },
    confirm: { daysAgo: 158 },
  },
];

/** 留言 threads: on a policy (by title) or on the enterprise's own benefit record. */
export interface MessageStory {
  enterprise: number;
  subject: { policy: string } | { benefitOf: 'own' };
  /** Working days before today it was asked; 0 = today. */
  askedDaysAgo: number;
  question: string;
  /** Staff mark it complex (3 working days) the same day, with this note. */
  complexNote?: string;
  answer?: { daysAgo: number; body: string };
  followUp?: { daysAgo: number; body: string };
}

export const messageStories: MessageStory[] = [
  {
    enterprise: 0,
    subject: { policy: '小微企业吸纳就业社保补贴' },
    askedDaysAgo: 4,
    question: '我公司今年新招了6名员工，都已参保，是否需要另外提交申请材料？',
    answer: { daysAgo: 4, body: '本政策为免申即享，系统按参保数据自动比对，无需提交材料。比对结果将在“我的享受”中公示，请留意。' },
  },
  {
    enterprise: 0,
    subject: { benefitOf: 'own' },
    askedDaysAgo: 2,
    question: '公示的金额与我们自己测算的不一致，能否提供计算明细？',
    complexNote: '已受理，需与财政部门核对拨付数据，将在3个工作日内答复。',
  },
  {
    enterprise: 0,
    subject: { policy: '营业执照及证照上门递送服务' },
    askedDaysAgo: 0,
    question: '取送方式下，旧的营业执照副本需要一并交给递送人员吗？',
  },
  {
    enterprise: 48,
    subject: { benefitOf: 'own' },
    askedDaysAgo: 1,
    question: '请问公示期结束后多久能到账？',
    answer: { daysAgo: 0, body: '公示期满且无异议的，一般在10个工作日内拨付至企业对公账户。' },
  },
  {
    enterprise: 13,
    subject: { policy: '高校毕业生就业见习补贴' },
    askedDaysAgo: 3,
    question: '见习期未满三个月就转正的学员，还能享受见习补贴吗？',
  },
  {
    enterprise: 20,
    subject: { policy: '失业保险稳岗返还' },
    askedDaysAgo: 0,
    question: '去年有一个月社保缓缴，会影响今年的稳岗返还吗？',
  },
  {
    enterprise: 15,
    subject: { policy: '企业研发投入奖补' },
    askedDaysAgo: 6,
    question: '研发费用以哪个口径为准，是汇算清缴数据还是统计报表数据？',
    answer: { daysAgo: 5, body: '以税务部门汇算清缴的研发费用加计扣除数据为准。' },
    followUp: { daysAgo: 0, body: '如果汇算清缴后又做了更正申报，以哪一次为准？' },
  },
  {
    enterprise: 34,
    subject: { policy: '生态茶园改造提升补助' },
    askedDaysAgo: 8,
    question: '茶园改造面积由谁来核定？需要我们自己测量吗？',
    complexNote: '已受理，需与乡镇林业站确认核定方式。',
    answer: { daysAgo: 6, body: '改造面积由乡镇林业站会同第三方机构实地核定，企业无需自行测量，核定时请安排人员陪同。' },
  },
  {
    enterprise: 49,
    subject: { policy: '小微企业“六税两费”减半征收' },
    askedDaysAgo: 5,
    question: '我公司是否属于小型微利企业，如何确认？',
    answer: { daysAgo: 5, body: '按年度应纳税所得额、从业人数和资产总额判定，系统自动识别，申报时自动减征，无需另行申请。' },
  },
];
