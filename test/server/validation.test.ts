// Input errors are Chinese for people: each field named by its label (declared on the schema or in FIELD_LABELS),
// never by its key, and every field of every contract has a label.
import type { z } from 'zod';
import { checkinSchemas } from '@/domain/api/checkin';
import { FIELD_LABELS } from '@/domain/api/common';
import { hotlineSchemas } from '@/domain/api/hotline';
import { liveSchemas } from '@/domain/api/live';
import { orgSchemas } from '@/domain/api/org';
import { orglifeSchemas } from '@/domain/api/orglife';
import { pointsSchemas } from '@/domain/api/points';
import { quizSchemas } from '@/domain/api/quiz';
import { rankingSchemas } from '@/domain/api/ranking';
import { ratingSchemas } from '@/domain/api/rating';
import { registerSchemas } from '@/domain/api/register';
import { userSchemas } from '@/domain/api/user';
import { describeIssues, fieldLabel } from '../../server/validation';

const CONTRACTS: Record<string, Record<string, z.ZodType>> = {
  checkin: checkinSchemas,
  hotline: hotlineSchemas,
  live: liveSchemas,
  org: orgSchemas,
  orglife: orglifeSchemas,
  points: pointsSchemas,
  quiz: quizSchemas,
  rating: ratingSchemas,
  ranking: rankingSchemas,
  register: registerSchemas,
  user: userSchemas,
};

function message(schema: z.ZodType, data: unknown): string {
  const parsed = schema.safeParse(data);
  if (parsed.success) throw new Error('expected a failure');
  return describeIssues(parsed.error.issues, data, schema);
}

describe('describeIssues', () => {
  it.each([
    ['hotline.reject without a reason', hotlineSchemas.reject, { ticketId: 't1', reason: ' ' }, '请填写不予受理的理由'],
    ['hotline.reply without content', hotlineSchemas.reply, { ticketId: 't1', content: '' }, '请填写答复内容'],
    [
      'hotline.submit without content',
      hotlineSchemas.submit,
      { category: '咨询', title: '路灯', isPublic: true },
      '请填写诉求内容',
    ],
    [
      'checkin.manualCheckIn without a reason',
      checkinSchemas.manualCheckIn,
      { activityId: 'a', memberId: 'm' },
      '请填写补签原因',
    ],
    ['user.bind with a bad phone', userSchemas.bind, { name: '张伟', phone: '1390000' }, '手机号的格式不正确'],
    [
      'user.bind with a long name',
      userSchemas.bind,
      { name: '张'.repeat(40), phone: '13900000001' },
      '姓名太长了，最多 32 个字',
    ],
    ['org.saveOrg with a number for a parent', orgSchemas.saveOrg, { name: '支部', parentId: 5 }, '上级组织应为文本'],
    ['org.grantRole with an unknown role', orgSchemas.grantRole, { openid: 'x', role: 'root' }, '角色不在可选的范围内'],
    [
      'hotline.submit with an unknown category',
      hotlineSchemas.submit,
      { category: '其他', title: '路灯', content: '不亮', isPublic: true },
      '诉求类别应为 咨询、求助、投诉、建议、表扬 之一',
    ],
    ['hotline.rate with a score of 9', hotlineSchemas.rate, { ticketId: 't1', score: 9 }, '评分不能大于 5'],
  ])('%s', (_name, schema, data, expected) => {
    const text = message(schema as z.ZodType, data);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/字段|[a-z]{3,}[A-Z]?[a-z]*(?= |$)/);
  });

  it('counts list items from 1', () => {
    expect(fieldLabel(quizSchemas.importQuestions, ['questions', 3, 'stem'])).toBe('第 4 项的题干');
  });
});

describe('every contract field has a label', () => {
  type Def = {
    type?: string;
    shape?: Record<string, z.ZodType>;
    innerType?: z.ZodType;
    element?: z.ZodType;
    valueType?: z.ZodType;
    in?: z.ZodType;
    options?: z.ZodType[];
  };
  const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
  function fields(schema: z.ZodType, path: PropertyKey[], out: PropertyKey[][]): void {
    const def = defOf(schema);
    for (const [k, v] of Object.entries(def.shape ?? {})) {
      out.push([...path, k]);
      fields(v, [...path, k], out);
    }
    for (const inner of [def.innerType, def.type === 'pipe' ? def.in : undefined, def.valueType])
      if (inner) fields(inner, path, out);
    if (def.element) fields(def.element, [...path, 0], out);
    for (const o of def.options ?? []) fields(o, path, out);
  }
  for (const [fn, schemas] of Object.entries(CONTRACTS))
    for (const [action, schema] of Object.entries(schemas))
      it(`${fn}.${action}`, () => {
        const paths: PropertyKey[][] = [];
        fields(schema, [], paths);
        for (const path of paths) {
          const label = fieldLabel(schema, path);
          expect([path.join('.'), label]).not.toEqual([path.join('.'), expect.stringContaining('填写的内容')]);
          expect(label).not.toMatch(/[A-Za-z]/);
        }
      });
  it('has no label that is a key', () => {
    for (const label of Object.values(FIELD_LABELS)) expect(label).not.toMatch(/[A-Za-z]/);
  });
});
