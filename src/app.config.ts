// App manifest: the member/public pages with the tab bar in the main package, admin pages in the `admin` subpackage.
import type { AppConfig } from '@tarojs/taro';

/** `cloud` enables WeChat cloud development in app.json; Taro's AppConfig type does not list it. */
const config: AppConfig & { cloud: boolean } = {
  pages: [
    'pages/index/index',
    'pages/study/index',
    'pages/hotline/index',
    'pages/mine/index',
    'pages/rating/index',
    'pages/rating-results/index',
    'pages/checkin/index',
    'pages/activities/index',
    'pages/hotline-submit/index',
    'pages/hotline-mine/index',
    'pages/hotline-ticket/index',
    'pages/hotline-board/index',
    'pages/hotline-programme/index',
    'pages/points/index',
    'pages/quiz-list/index',
    'pages/quiz-answer/index',
    'pages/quiz-result/index',
    'pages/quiz-board/index',
    'pages/practice/index',
    'pages/wrong-book/index',
    'pages/invite/index',
    'pages/volunteer/index',
    'pages/trainings/index',
  ],
  subPackages: [
    {
      root: 'admin',
      pages: [
        'orgs/index',
        'departments/index',
        'members/index',
        'import/index',
        'roles/index',
        'rating/index',
        'rating-campaign/index',
        'activities/index',
        'activity-form/index',
        'activity-code/index',
        'attendance/index',
        'hotline-triage/index',
        'hotline-queue/index',
        'hotline-knowledge/index',
        'hotline-programmes/index',
        'hotline-stats/index',
        'branch-dashboard/index',
        'stars/index',
        'overview/index',
        'quiz/index',
        'quiz-bank/index',
        'quiz-import/index',
        'quiz-form/index',
        'quiz-view/index',
        'live/index',
        'live-run/index',
        'live-screen/index',
        'meetings/index',
        'minutes/index',
        'reviews/index',
        'review/index',
        'notices/index',
        'notice-form/index',
        'notice-receipts/index',
        'articles/index',
        'article-form/index',
        'register-terms/index',
        'term-form/index',
        'volunteer/index',
        'volunteer-form/index',
        'volunteer-activity/index',
        'register-leaders/index',
        'leader-visits/index',
        'trainings/index',
        'training-class/index',
        'contests/index',
      ],
    },
    // 现场赛 on the member's phone: its own small subpackage, opened by the big screen's code or from 首页/学习.
    { root: 'live', pages: ['play/index'] },
    // 民主评议 on the member's phone: opened from 我的 while the branch's ballot is open.
    { root: 'orglife', pages: ['vote/index'] },
    // 通知公告 and 学习资料 for members: opened from 首页, the 学习 tab and the reminder message.
    { root: 'notice', pages: ['inbox/index', 'detail/index', 'article/index'] },
    // 创新创优竞赛 for members, judges, secretaries and the public (投票 from a WeChat article): opened from 我的.
    { root: 'contest', pages: ['list/index', 'detail/index', 'judge/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f4f4',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '机关党建',
    navigationBarTextStyle: 'white',
    // Spelled out because Taro's H5 router only draws its navigation bar (title and back button) when it is set.
    navigationStyle: 'default',
    // Pages follow the phone when it turns (the check-in code shown sideways on a projector or a tablet).
    pageOrientation: 'auto',
  },
  tabBar: {
    color: '#5c5c5c',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/hotline/index',
        text: '热线',
        iconPath: 'assets/tabbar/hotline.png',
        selectedIconPath: 'assets/tabbar/hotline-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  cloud: true,
  // PC WeChat, Mac and iPad open the mini-program in a window that can be maximised and resized (大屏模式):
  // the check-in code fills a projector, the office pages use the width (src/styles/_theme.scss `wide`).
  resizable: true,
  // Only the components a page uses are injected when it loads (WeChat's code-quality rule).
  lazyCodeLoading: 'requiredComponents',
  // 签到 checks the place of an activity that has one (getLocation) and lets a secretary pick it (chooseLocation).
  permission: { 'scope.userLocation': { desc: '用于核对活动签到地点' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
};

export default defineAppConfig(config);
