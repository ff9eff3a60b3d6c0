// Benchmark cases for 民声热线's public side: `submit` with the 并单 similarity check over 1,000 and then 10,000 open
// tickets of the appeal's own category and department from the last 30 days (the worst case: every stored ticket is in
// the range the candidate query looks at), the 知识库 lookup the submit page makes while a person types (1,000
// answers), and the department statistics with those tickets stored (read from counters, never from tickets).
// The open tickets are seeded straight into the database with the SDK's batched add (1,000 per request), in the shape
// `hotline.submit` stores (MinHash keys from the domain module); the 知识库 answers go through `knowledgeSave`.
import { hotlineMinhashKeys } from '../../src/domain/hotline';
import type { BenchCase, BenchContext } from '../harness';
import { must, sdkDatabase } from '../harness';
import { BENCH_ADMIN } from './identity';

const DEPARTMENT = 'bench-hp-dept';
const CATEGORY = '求助';
const BATCH = 1000;
const KNOWLEDGE = 1000;
const DAY_MS = 86400_000;

/** Wordings of everyday appeals; a ticket is one of them at a street and number, so ~1 in 25 is about lamps. */
const TOPICS = [
  '小区门口的路灯坏了，晚上出行很不方便，请尽快修复',
  '楼下餐馆油烟很大，窗户都不敢开，希望管一管',
  '公交站台的雨棚破了，下雨天等车都淋湿了',
  '人行道上的井盖松动，踩上去会响，怕有人摔倒',
  '小区垃圾清运不及时，夏天气味很大',
  '学校门口早晚高峰车辆乱停，孩子过马路很危险',
  '菜市场的秤不准，买一斤菜少了二两',
  '老旧小区想加装电梯，不知道找哪个部门',
  '工地夜间施工噪音扰民，晚上十二点还在打桩',
  '社区卫生服务中心周末不开门，看病不方便',
  '道路积水严重，下水道堵了好几天没人管',
  '公园里的健身器材坏了，老人锻炼没地方',
  '共享单车堆在盲道上，盲人出行很危险',
  '物业费上涨没有公示，业主都不知道',
  '河道里有人倒垃圾，水发黑发臭',
  '医保报销流程太复杂，跑了好几趟没办成',
  '小区消防通道被私家车占用，出了事消防车进不来',
  '红绿灯时间太短，老人过马路走不完',
  '农贸市场周边流动摊贩占道经营',
  '幼儿园收费不透明，想问问标准',
  '出租车拒载绕路，投诉电话打不通',
  '自来水发黄有异味，已经好几天了',
  '街道办办事窗口排队太久，希望增加窗口',
  '新建小区配套学校迟迟不开工',
  '广场舞音响声音太大，影响周边居民休息',
];
const STREETS = ['幸福路', '和平街', '解放路', '人民路', '建设路', '滨河路', '光明街', '文化路'];

const appealText = (i: number) => {
  const topic = TOPICS[i % TOPICS.length];
  const street = STREETS[Math.floor(i / TOPICS.length) % STREETS.length];
  return { title: `${street}${topic.slice(0, 8)}`, content: `我住${street}${(i % 97) + 1}号，${topic}。` };
};

/** What hotline.submit stores for an open appeal (status 'submitted', waiting at triage). */
function ticketDoc(i: number, now: number) {
  const { title, content } = appealText(i);
  const createdMs = now - (i % 28) * DAY_MS - (i % 1440) * 60_000;
  return {
    _id: `bench-hp-${i}`,
    ticketNo: `MS20990101-${String(i).padStart(5, '0')}`,
    day: '2099-01-01',
    seq: i,
    openid: `bench-hp-seed-${i}`,
    category: CATEGORY,
    title,
    content,
    photos: [],
    requestedDepartmentId: DEPARTMENT,
    departmentId: null,
    departmentName: null,
    programmeId: null,
    simKeys: hotlineMinhashKeys(`${title}\n${content}`),
    simDept: DEPARTMENT,
    similar: [],
    contactName: null,
    contactPhone: null,
    isPublic: true,
    subscribe: false,
    status: 'submitted',
    reopened: false,
    lastScore: null,
    flagged: false,
    contentCheck: 'pass',
    dueMs: createdMs + 5 * DAY_MS,
    dueDay: '2099-01-06',
    overdue: false,
    dueSoonReminded: false,
    replies: [],
    ratings: [],
    rejectReason: null,
    published: false,
    public: null,
    version: 1,
    timeline: [],
    createdMs,
    createdAt: new Date(createdMs),
    updatedAt: new Date(createdMs),
  };
}

let stored = 0;
let departmentSaved = false;
/** Tops the open tickets of the bench department up to `total`. */
async function ensureTickets(ctx: BenchContext, total: number): Promise<void> {
  if (!departmentSaved) {
    departmentSaved = true;
    await must(ctx.call('org', 'saveDepartment', { departmentId: DEPARTMENT, name: '热线并单基准部门' }, BENCH_ADMIN));
    // The day's first appeal creates the day's number counter (a retry): done here so that no timed run pays it.
    await must(ctx.call('hotline', 'submit', { ...lampAppeal(0), category: '咨询' }, 'bench-hp-first-of-day'));
  }
  const db = sdkDatabase();
  const now = Date.now();
  while (stored < total) {
    const n = Math.min(BATCH, total - stored);
    await db
      .collection('hotline_tickets')
      .add({ data: Array.from({ length: n }, (_, k) => ticketDoc(stored + k, now)) });
    stored += n;
    // Keeps the gateway's keep-alive connection from idling out during the seeding (see rating.ts).
    await must(ctx.call('org', 'list', {}));
  }
}

let knowledgeSeeded = false;
/** 1,000 answers of 20 departments' common questions, saved by the admin as the page does. */
async function ensureKnowledge(ctx: BenchContext): Promise<void> {
  if (knowledgeSeeded) return;
  knowledgeSeeded = true;
  await ensureTickets(ctx, 0);
  for (let i = 0; i < KNOWLEDGE; i++) {
    const topic = TOPICS[i % TOPICS.length];
    await must(
      ctx.call(
        'hotline',
        'knowledgeSave',
        {
          title: `${STREETS[i % STREETS.length]}片区：${topic.slice(0, 10)}怎么办（${i + 1}）`,
          answer: `${topic}的，可拨打 12345 或在本小程序提交诉求，承办部门 3 个工作日内答复（口径 ${i + 1}）。`,
          keywords: [topic.slice(0, 2), topic.slice(4, 6), `口径${i + 1}`],
          category: i % 2 ? '咨询' : '求助',
          departmentId: DEPARTMENT,
          active: true,
        },
        BENCH_ADMIN,
      ),
    );
  }
}

/** A new lamp appeal in the bench department: similar to the stored lamp tickets (1 in 25). */
const lampAppeal = (i: number) => ({
  category: CATEGORY,
  title: '幸福路小区路灯坏了',
  content: `幸福路${i + 1}号门口的路灯坏了一个多星期，晚上出门不方便，希望尽快修复。`,
  departmentId: DEPARTMENT,
  isPublic: true,
});

/** An appeal like none stored (no shared MinHash key): the candidate query finds nothing and reads its whole range. */
const droneAppeal = (i: number) => ({
  category: CATEGORY,
  title: '无人机夜里低空飞行扰民',
  content: `第${i + 1}天了，每晚九点后有无人机在楼顶盘旋拍摄，嗡嗡声吵得孩子睡不着觉，担心隐私泄露。`,
  departmentId: DEPARTMENT,
  isPublic: true,
});

const submitCase = (total: number, like: 'lamp' | 'none'): BenchCase => ({
  name: `hotline.submit (${total / 1000}k${like === 'none' ? ', new' : ''})`,
  scenario: `submit: 并单 check among ${total.toLocaleString('en')} open tickets of its category and department (30 days), ${like === 'none' ? 'none alike' : '1 in 25 alike'}`,
  iterations: 50,
  setup: (ctx) => ensureTickets(ctx, total),
  run: (ctx, i) =>
    ctx.call('hotline', 'submit', (like === 'lamp' ? lampAppeal : droneAppeal)(i), `bench-hp-${like}-${total}-${i}`),
});

export const hotlinePublicCases: BenchCase[] = [
  submitCase(1000, 'lamp'),
  submitCase(1000, 'none'),
  submitCase(10_000, 'lamp'),
  submitCase(10_000, 'none'),
  {
    name: 'hotline.knowledgeSearch',
    scenario: `the submit page looks up 知识库 answers as a person types (${KNOWLEDGE.toLocaleString('en')} answers)`,
    iterations: 50,
    setup: ensureKnowledge,
    run: (ctx, i) =>
      ctx.call('hotline', 'knowledgeSearch', {
        category: CATEGORY,
        title: '小区路灯坏了怎么办',
        content: `${STREETS[i % STREETS.length]}小区门口的路灯坏了，晚上出行很不方便。`,
      }),
  },
  {
    name: 'hotline.stats (10k)',
    scenario: 'anyone opens the department statistics, 10,000 more tickets stored (read from counters only)',
    iterations: 50,
    setup: (ctx) => ensureTickets(ctx, 10_000),
    run: (ctx) => ctx.call('hotline', 'stats', {}),
  },
];
