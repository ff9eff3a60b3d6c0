// Demo 民声热线 tickets, made through the hotline function as the public and members would: one waiting for triage,
// one with a department, one answered and on the public board, one rated and closed, and one at the top of the demo
// handler's queue with the nearest deadline. Phone numbers and names in the text show the board's masking.

type Call = <T = unknown>(fn: string, action: string, data: unknown, openid?: string) => Promise<T>;

/** Titles of the demo tickets; the first one also marks that the demo tickets exist (keeps the seed idempotent). */
export const DEMO_HOTLINE_TITLES = {
  submitted: '小区夜间施工噪音扰民',
  assigned: '老旧小区加装电梯进度',
  replied: '小学新生入学报名需要哪些材料',
  rated: '校车停靠点雨天积水',
  urgent: '孩子转学手续迟迟办不下来',
} as const;

/** The demo handler's department (市教育局): the tickets it answers in the demo. */
const EDUCATION = 'jyj';
const HOUSING = 'zjj';

/**
 * Creates the demo tickets. People file at most 5 tickets a day, so the public's two leave room for trying it out as
 * demo-public; the others come from demo members (anyone with an openid may file).
 */
export async function seedDemoHotline(call: Call, admin: string, handler: string): Promise<void> {
  const { tickets } = await call<{ tickets: Array<{ title: string }> }>('hotline', 'mine', {}, 'demo-public');
  if (tickets.some((t) => t.title === DEMO_HOTLINE_TITLES.submitted)) return;

  const submit = (openid: string, data: Record<string, unknown>) =>
    call<{ ticketId: string }>('hotline', 'submit', data, openid);

  // Waiting for triage: no department chosen, not to be published.
  await submit('demo-public', {
    category: '投诉',
    title: DEMO_HOTLINE_TITLES.submitted,
    content:
      '我住和平路18号2栋，隔壁工地最近一周每天晚上11点以后还在打桩，吵得老人孩子睡不着。请有关部门核实夜间施工许可。联系电话13807551234。',
    contactName: '陈先生',
    contactPhone: '13807551234',
    isPublic: false,
  });

  // Accepted and assigned to 市住建局, which has not answered yet.
  const assigned = await submit('demo-member-2', {
    category: '建议',
    title: DEMO_HOTLINE_TITLES.assigned,
    content:
      '建设路老旧小区多为六层无电梯住宅，老年住户上下楼困难。建议公布加装电梯的申请流程和补贴标准，并说明本小区申请的办理进度。',
    departmentId: HOUSING,
    isPublic: true,
  });
  await call('hotline', 'accept', { ticketId: assigned.ticketId, note: '属实，转住建部门办理' }, admin);
  await call('hotline', 'assign', { ticketId: assigned.ticketId, departmentId: HOUSING }, admin);

  // Answered by the department and published: the board masks the name, phone number and house number.
  const replied = await submit('demo-public', {
    category: '咨询',
    title: DEMO_HOTLINE_TITLES.replied,
    content:
      '我叫李红梅，电话13912345678，住幸福路12号3栋501室。孩子今年9月上小学，户口和房产都在本学区，想问报名需要带哪些材料，什么时候网上报名？',
    departmentId: EDUCATION,
    contactName: '李红梅',
    contactPhone: '13912345678',
    isPublic: true,
  });
  await call('hotline', 'assign', { ticketId: replied.ticketId, departmentId: EDUCATION }, admin);
  await call(
    'hotline',
    'reply',
    {
      ticketId: replied.ticketId,
      content:
        '李红梅女士您好，已电话（13912345678）回复您：需准备户口簿、房产证、儿童预防接种证，7月1日至7月10日在市教育局网站报名，材料审核后学校会短信通知。',
    },
    handler,
  );

  // Answered, rated 5 and so closed; also on the board with its rating.
  const rated = await submit('demo-member', {
    category: '求助',
    title: DEMO_HOTLINE_TITLES.rated,
    content:
      '实验小学东门校车停靠点地势低，一下雨就积水没过脚面，孩子上下车鞋子全湿。家长张先生电话13700001111，希望尽快处理。',
    departmentId: EDUCATION,
    contactName: '张先生',
    contactPhone: '13700001111',
    isPublic: true,
  });
  await call('hotline', 'assign', { ticketId: rated.ticketId, departmentId: EDUCATION }, admin);
  await call(
    'hotline',
    'reply',
    {
      ticketId: rated.ticketId,
      content: '已会同学校将停靠点东移20米至地势较高处，并加装排水篦子。已电话告知张先生（13700001111）。',
    },
    handler,
  );
  await call('hotline', 'rate', { ticketId: rated.ticketId, score: 5, comment: '处理很快，谢谢' }, 'demo-member');

  // A 求助 has 3 working days, the shortest deadline: first in the handler's queue, where the hourly timer will
  // flag it 即将到期 and then 已超期 if nobody answers.
  const urgent = await submit('demo-member-3', {
    category: '求助',
    title: DEMO_HOTLINE_TITLES.urgent,
    content:
      '因工作调动全家搬到本市，孩子从外省转入四年级，学校说要等学籍系统审核，已经等了两周还没结果，孩子一直没法上课。联系电话13600002222。',
    departmentId: EDUCATION,
    contactPhone: '13600002222',
    isPublic: false,
  });
  await call('hotline', 'assign', { ticketId: urgent.ticketId, departmentId: EDUCATION, note: '请优先办理' }, admin);
}
