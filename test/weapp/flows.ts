// One flow per part on the weapp runtime: a tap goes through Taro's event handler to React, the cloud call to the
// emulator, and setData back to the view; the flow checks the next screen. Each runs on a fresh phone.
import type { DemoIds, Role } from './pages';
import type { RenderedPage } from './runtime';

export interface FlowContext {
  page: RenderedPage;
  /** Waits until the page's text has `text` (fails naming what the page shows instead). */
  see(text: string): Promise<void>;
  toasts: string[];
}

export interface Flow {
  name: string;
  as: Role;
  path: string;
  query?: (ids: DemoIds) => Record<string, string> | Promise<Record<string, string>>;
  steps(ctx: FlowContext): Promise<void>;
}

export const FLOWS: Flow[] = [
  {
    name: '签到：扫码后确认签到',
    as: 'member',
    path: 'pages/checkin/index',
    query: async (ids) => ({ scene: await ids.checkinScene() }),
    async steps({ page, see }) {
      await see('确认签到');
      await page.tap('.checkin-ready__go');
      await see('签到成功');
    },
  },
  {
    name: '知识竞赛：答第一题',
    as: 'member',
    path: 'pages/quiz-answer/index',
    query: (ids) => ({ quizId: ids.quizId }),
    async steps({ page, see }) {
      await see('已答 0 题');
      await page.tap('.quiz-option');
      await see('已答 1 题');
      await page.tap('.quiz-nav__next');
      await see('第 2 / 10 题');
    },
  },
  {
    name: '民声热线：提交诉求',
    as: 'public',
    path: 'pages/hotline-submit/index',
    async steps({ page, see }) {
      await see('诉求类别');
      await page.tap('.hotline-chip', '求助');
      await page.tap('.hotline-chip', '市教育局');
      await page.input('.field__box input', '学校门口路灯不亮');
      await page.input('.hotline-textarea', '实验小学门口路灯坏了一周，孩子放学很危险，请尽快修理。');
      await page.tap('.hotline-submit');
      await see('提交成功');
    },
  },
  {
    name: '微信测评：评价一个部门',
    as: 'public',
    path: 'pages/rating/index',
    query: (ids) => ({ id: ids.campaignId }),
    async steps({ page, see, toasts }) {
      await page.tap('.rating-dept', '市公安局');
      await see('请逐项选择您的评价');
      // 很满意 on every indicator.
      await page.tapEach('.rating-indicator .rating-level--5');
      await page.tap('.rating-submit');
      await see('已提交对市公安局的评价');
      if (!toasts.includes('评价已提交'))
        throw new Error(`no 评价已提交 toast (toasts: ${toasts.join(', ') || 'none'})`);
    },
  },
];
