// Demo 知识库 answers and 热线节目 for the public side of 民声热线, made through the hotline function: answers the
// submit page suggests (入学报名, 公积金提取, 加装电梯), one programme that has aired with an answered question and a
// replay link, and one upcoming programme collecting questions.

type Call = <T = unknown>(fn: string, action: string, data: unknown, openid?: string) => Promise<T>;

export const DEMO_PROGRAMME_TOPICS = {
  aired: '民声热线·教育专场：入学与转学',
  upcoming: '民声热线·住房专场：加装电梯与公积金',
} as const;

export const DEMO_KNOWLEDGE_TITLES = {
  enrol: '小学新生入学报名要带哪些材料',
  fund: '离职后住房公积金怎样提取',
} as const;

const DAY_MS = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export async function seedDemoHotlinePublic(call: Call, admin: string, handler: string): Promise<void> {
  const { programmes } = await call<{ programmes: Array<{ topic: string }> }>('hotline', 'programmeList', {});
  if (programmes.some((p) => p.topic === DEMO_PROGRAMME_TOPICS.aired)) return;

  await call(
    'hotline',
    'knowledgeSave',
    {
      title: DEMO_KNOWLEDGE_TITLES.enrol,
      answer:
        '需准备户口簿、房产证（或租赁备案证明）、儿童预防接种证。每年7月1日至7月10日在市教育局网站报名，材料审核后学校会短信通知。',
      keywords: ['入学', '报名', '新生'],
      category: '咨询',
      departmentId: 'jyj',
      active: true,
    },
    admin,
  );
  await call(
    'hotline',
    'knowledgeSave',
    {
      title: DEMO_KNOWLEDGE_TITLES.fund,
      answer:
        '离职满半年未再就业的，可持身份证和离职证明到市公积金中心任一柜台办理，也可在“公积金”小程序线上提取，3个工作日到账。',
      keywords: ['公积金', '提取'],
      category: '咨询',
      departmentId: 'zjj',
      active: true,
    },
    admin,
  );
  await call(
    'hotline',
    'knowledgeSave',
    {
      title: '老旧小区加装电梯怎样申请',
      answer:
        '由本单元三分之二以上业主同意后，向街道提交申请表、业主意见书和设计方案；市住建局按每台20万元给予补贴，审批约30个工作日。',
      keywords: ['加装电梯', '电梯'],
      category: '建议',
      departmentId: 'zjj',
      active: true,
    },
    admin,
  );

  // Aired: a question sent beforehand, answered by 市教育局, shown on the programme page (masked) with the replay.
  const now = Date.now();
  const { programmeId: aired } = await call<{ programmeId: string }>(
    'hotline',
    'programmeSave',
    {
      topic: DEMO_PROGRAMME_TOPICS.aired,
      description: '市教育局负责人做客直播间，解答入学报名、转学和校车安全问题。',
      airAt: iso(now + 3600_000),
      departmentIds: ['jyj'],
    },
    admin,
  );
  const { ticketId } = await call<{ ticketId: string }>(
    'hotline',
    'submit',
    {
      category: '咨询',
      title: '随迁子女转学需要什么手续',
      content: '我叫赵丽，电话13566667777，今年从外省调到本市工作，孩子读三年级，想问转学需要哪些手续，多久能办好？',
      contactName: '赵丽',
      contactPhone: '13566667777',
      isPublic: true,
      programmeId: aired,
    },
    'demo-member-4',
  );
  await call(
    'hotline',
    'reply',
    {
      ticketId,
      content:
        '赵丽女士您好：持户口迁移证明或居住证、原学校转学联系单到拟转入学校办理，学籍系统审核一般5个工作日内完成，节目中已详细解答。',
    },
    handler,
  );
  await call(
    'hotline',
    'programmeSave',
    {
      programmeId: aired,
      topic: DEMO_PROGRAMME_TOPICS.aired,
      description: '市教育局负责人做客直播间，解答入学报名、转学和校车安全问题。',
      airAt: iso(now - 2 * DAY_MS),
      departmentIds: ['jyj'],
      replayUrl: 'https://example.cn/minsheng/replay/2020-06',
    },
    admin,
  );

  // Upcoming: collecting questions for 市住建局 and 市人社局.
  await call(
    'hotline',
    'programmeSave',
    {
      topic: DEMO_PROGRAMME_TOPICS.upcoming,
      description: '市住建局、市人社局负责人上线，欢迎提前提问。',
      airAt: iso(now + 7 * DAY_MS),
      departmentIds: ['zjj', 'rsj'],
    },
    admin,
  );
}
