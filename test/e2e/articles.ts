/**
 * Articles of our own for the browser tests: one storm told by four outlets in three languages
 * (so that claims agree and conflict across them), a later toll, a piece of hostile markup, and
 * a budget story full of dates and vague amounts to triage in bulk.
 */
import type { Article } from './harness';

export const STORY = {
  english: {
    url: 'https://harbour-times.example/orla', title: 'Storm Orla hits Port Varna', publishedAt: '2026-02-10T08:00:00Z',
    text: 'Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.\nThe city said repairs would cost $48 million.',
  },
  vietnamese: {
    url: 'https://tin-nhanh.example/bao-orla', title: 'Bão Orla đổ bộ Port Varna', publishedAt: '2026-02-10T10:00:00Z',
    text: 'Bão Orla đổ bộ vào Port Varna, làm 9 người chết và khoảng 12.000 người dân phải sơ tán.\nChi phí sửa chữa ước tính khoảng 1.250 tỷ đồng.',
  },
  second: {
    url: 'https://coast-post.example/orla-toll', title: 'Orla: Port Varna counts its dead', publishedAt: '2026-02-10T12:00:00Z',
    text: 'Storm Orla killed 7 people in Port Varna on Monday, the harbour master said.',
  },
  arabic: {
    url: 'https://al-marsa.example/orla', title: 'العاصفة أورلا تضرب ميناء فارنا', publishedAt: '2026-02-10T14:00:00Z',
    text: 'قالت السلطات إن العاصفة أورلا قتلت 7 أشخاص في ميناء فارنا يوم الاثنين، وإن الأضرار بلغت 48 مليون دولار.',
  },
  markup: {
    url: 'https://xss-lab.example/pier', title: 'Pier <img src=x onerror=alert(1)> report', publishedAt: '2026-02-11T09:00:00Z',
    text: 'Witnesses said <script>alert(1)</script> that 14 boats sank near the <img src=x onerror=alert(2)> pier on Friday.',
  },
  budget: {
    url: 'https://ledger-daily.example/quay-budget', title: 'Quay budget: the numbers behind the plan', publishedAt: '2026-02-12T07:00:00Z',
    text: 'The quay plan was first drawn up in 2009 and revised in 2015.\nInvestors have put tens of billions of dollars into the coast since 2001.\nDozens of firms bid for the dredging contract, worth $62 million.',
  },
} satisfies Record<string, Article>;
