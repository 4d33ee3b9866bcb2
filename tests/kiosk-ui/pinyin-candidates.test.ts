import { describe, expect, it } from 'vitest';
import { loadPinyinEngine } from '../../kiosk-ui/src/pinyin/pinyin-engine.js';

/** Legal and everyday words a villager types; the first candidate must be the word itself. */
const WORDS = [
  '劳动争议',
  '工资',
  '土地',
  '离婚',
  '工伤',
  '赡养',
  '欠薪',
  '拖欠工资',
  '交通事故',
  '身份证',
  '村委会',
  '村民小组',
  '家庭暴力',
  '公证',
  '彩礼',
  '遗嘱',
  '拆迁',
  '继承',
  '宅基地',
  '抚养费',
  '法律援助',
  '合同',
  '借款',
  '欠条',
  '赔偿',
  '律师',
  '法院',
  '调解',
  '司法所',
  '劳动合同',
  '工作',
  '医院',
  '学校',
  '孩子',
  '老人',
  '电话',
  '地址',
  '名字',
  '银行',
  '邻居',
  '丈夫',
  '妻子',
  '父母',
  '儿子',
  '女儿',
  '老板',
  '公司',
  '工厂',
  '房子',
  '打工',
];

/** Toneless pinyin the villager types for each word (no engine code used to derive it). */
const TYPED: Record<string, string> = {
  劳动争议: 'laodongzhengyi',
  工资: 'gongzi',
  土地: 'tudi',
  离婚: 'lihun',
  工伤: 'gongshang',
  赡养: 'shanyang',
  欠薪: 'qianxin',
  拖欠工资: 'tuoqiangongzi',
  交通事故: 'jiaotongshigu',
  身份证: 'shenfenzheng',
  村委会: 'cunweihui',
  村民小组: 'cunminxiaozu',
  家庭暴力: 'jiatingbaoli',
  公证: 'gongzheng',
  彩礼: 'caili',
  遗嘱: 'yizhu',
  拆迁: 'chaiqian',
  继承: 'jicheng',
  宅基地: 'zhaijidi',
  抚养费: 'fuyangfei',
  法律援助: 'falvyuanzhu',
  合同: 'hetong',
  借款: 'jiekuan',
  欠条: 'qiantiao',
  赔偿: 'peichang',
  律师: 'lvshi',
  法院: 'fayuan',
  调解: 'tiaojie',
  司法所: 'sifasuo',
  劳动合同: 'laodonghetong',
  工作: 'gongzuo',
  医院: 'yiyuan',
  学校: 'xuexiao',
  孩子: 'haizi',
  老人: 'laoren',
  电话: 'dianhua',
  地址: 'dizhi',
  名字: 'mingzi',
  银行: 'yinhang',
  邻居: 'linju',
  丈夫: 'zhangfu',
  妻子: 'qizi',
  父母: 'fumu',
  儿子: 'erzi',
  女儿: 'nver',
  老板: 'laoban',
  公司: 'gongsi',
  工厂: 'gongchang',
  房子: 'fangzi',
  打工: 'dagong',
};

describe('pinyin keyboard candidates', () => {
  it(`puts the right word first for at least 90 % of ${WORDS.length} legal and everyday words`, async () => {
    const engine = await loadPinyinEngine();
    const misses: string[] = [];
    for (const word of WORDS) {
      const top = engine.candidates(TYPED[word])[0]?.text;
      if (top !== word) misses.push(`${word} (${TYPED[word]} → ${top ?? 'nothing'})`);
    }
    const hitRate = (WORDS.length - misses.length) / WORDS.length;
    expect(WORDS.length).toBeGreaterThanOrEqual(40);
    expect(hitRate, `hit rate ${(hitRate * 100).toFixed(0)} %, misses: ${misses.join(', ')}`).toBeGreaterThanOrEqual(
      0.9,
    );
    // Measured when written: 49/50 (医院 yiyuan → 亿元).
    expect(misses.length, misses.join(', ')).toBeLessThanOrEqual(2);
  });

  it('every legal term of the lexicon is the first candidate', async () => {
    const engine = await loadPinyinEngine();
    for (const word of WORDS.slice(0, 30)) expect(engine.candidates(TYPED[word])[0]?.text, word).toBe(word);
  });

  it('offers words for an unfinished syllable and single characters that use up only their syllable', async () => {
    const engine = await loadPinyinEngine();
    expect(engine.candidates('laodongzh').map((c) => c.text)).toContain('劳动争议');
    const single = engine.candidates('gongzi').find((c) => c.text === '工');
    expect(single?.consumed).toBe(4);
  });

  it('ranks name characters first in name fields and address characters in address fields', async () => {
    const engine = await loadPinyinEngine();
    expect(engine.candidates('wei', 'name')[0]?.text).toBe('魏');
    expect(engine.candidates('cun', 'address')[0]?.text).toBe('村');
    expect(engine.candidates('zhangjiacun', 'address')[0]?.text).toBe('张家村');
  });

  it('remembers a choice for the visit only', async () => {
    const engine = await loadPinyinEngine();
    engine.remember('gongzi', '公子');
    expect(engine.candidates('gongzi')[0]?.text).toBe('公子');
    engine.forget();
    expect(engine.candidates('gongzi')[0]?.text).toBe('工资');
  });
});
