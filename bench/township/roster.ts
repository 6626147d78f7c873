// The benchmark township's people, drawn from a seeded generator so every run makes the same archive.
// Sizes are parameters (9 villages × 550 households by default); names are unique within a village,
// because the scan merges household folders whose heads share a name.
import { seededRandom } from '../../fixtures/generator/seeded-random.js';

export const COUNTY = '会宁县';
export const TOWNSHIP = '青石镇';
export const AS_OF = '2023-09-30';

const VILLAGE_NAMES = ['红星村', '青山村', '石门村', '白杨村', '金沙村', '柳湾村', '河口村', '新庄村', '东坪村', '杏园村', '马坪村', '刘寨村'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤常康牛樊葛';
const GIVEN = '建国军强伟明华平秀英兰芳玉梅珍丽娟静敏志海涛斌刚勇杰磊超鹏飞亮宇浩然欣怡子豪婷雪桂花永福德生忠红霞春燕文博立新光辉振东宝山成林凤琴淑贤金凤玉兰小龙晓东雨佳俊凯';
const RISKS = ['因病', '因学', '因残', '因务工就业不稳', '因自然灾害', '因意外事故', '缺劳动力', '因产业项目失败'];
const CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

export interface Person {
  name: string;
  relation: string;
  birth: string;
  health: '健康' | '长期慢性病' | '患有大病' | '残疾';
  schooling: '非在校生' | '学前教育' | '义务教育' | '普通高中' | '大学';
  dibao: boolean;
  maskedId: string;
}

export interface Income {
  工资性收入: number;
  生产经营性收入: number;
  财产性收入: number;
  转移性收入: number;
  生产经营性支出: number;
  家庭纯收入: number;
  人均纯收入: number;
  家庭人口: number;
}

export interface Monitoring {
  category: (typeof CATEGORIES)[number];
  risks: string[];
  /** YYYY-MM */
  identified: string;
  eliminated?: string;
}

export interface Household {
  /** 1-based number within the village. */
  seq: number;
  id: string;
  village: string;
  head: string;
  cadre: string;
  householdType: '脱贫户' | '一般农户';
  monitoring?: Monitoring;
  members: Person[];
  income: { 2022: Income; 2023: Income };
}

export interface Village {
  name: string;
  /** Folder name, `01 红星村`. */
  folder: string;
  code: string;
  households: Household[];
}

/** mulberry32: small, fast and the same everywhere. */
export const makeRandom = seededRandom;

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function givenName(random: Random): string {
  const length = random() < 0.7 ? 2 : 1;
  let name = '';
  for (let i = 0; i < length; i++) name += pick(random, [...GIVEN]);
  return name;
}

function date(year: number, random: Random): string {
  return `${year}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
}

function maskedId(birth: string, random: Random): string {
  return `620422********${String(between(random, 0, 999)).padStart(3, '0')}${pick(random, [...'0123456789X'])}`;
}

/** Member counts 1–6 with a mean near 3, so 4,950 households give about 15,000 people. */
const SIZE_WEIGHTS = [0.12, 0.25, 0.27, 0.22, 0.1, 0.04];

function householdSize(random: Random): number {
  let r = random();
  for (let i = 0; i < SIZE_WEIGHTS.length; i++) {
    r -= SIZE_WEIGHTS[i]!;
    if (r <= 0) return i + 1;
  }
  return SIZE_WEIGHTS.length;
}

function person(random: Random, name: string, relation: string, birthYear: number): Person {
  const birth = date(birthYear, random);
  const age = 2023 - birthYear;
  const healthRoll = random();
  const health: Person['health'] = healthRoll < 0.05 ? '残疾' : healthRoll < 0.09 ? '患有大病' : healthRoll < 0.2 ? '长期慢性病' : '健康';
  const schooling: Person['schooling'] =
    age < 6 ? (age >= 3 ? '学前教育' : '非在校生') : age <= 15 ? '义务教育' : age <= 18 ? '普通高中' : age <= 22 && random() < 0.5 ? '大学' : '非在校生';
  return { name, relation, birth, health, schooling, dibao: random() < 0.08, maskedId: maskedId(birth, random) };
}

function members(random: Random, surname: string, head: string, size: number): Person[] {
  const headYear = between(random, 1945, 1985);
  const list = [person(random, head, '户主', headYear)];
  const others: Array<[string, number]> = [
    ['配偶', headYear + between(random, -3, 3)],
    ['之子', headYear + between(random, 20, 30)],
    ['之女', headYear + between(random, 22, 32)],
    ['之孙子', headYear + between(random, 42, 55)],
    ['之孙女', headYear + between(random, 44, 58)],
  ];
  for (const [relation, year] of others.slice(0, size - 1)) {
    const name = relation === '配偶' ? pick(random, [...SURNAMES]) + givenName(random) : surname + givenName(random);
    list.push(person(random, name, relation, Math.min(year, 2022)));
  }
  return list;
}

/** A year's income whose net is exactly per-capita × people; transfers make up the rest. */
function income(random: Random, people: number, perCapita: number): Income {
  const net = people * perCapita;
  const wage = Math.round((net * (0.35 + random() * 0.3)) / 100) * 100;
  const business = Math.round((net * (0.1 + random() * 0.2)) / 100) * 100;
  const property = Math.round((net * random() * 0.05) / 10) * 10;
  const expense = Math.round((business * (0.2 + random() * 0.2)) / 10) * 10;
  const transfer = net - wage - business - property + expense;
  return { 工资性收入: wage, 生产经营性收入: business, 财产性收入: property, 转移性收入: transfer, 生产经营性支出: expense, 家庭纯收入: net, 人均纯收入: perCapita, 家庭人口: people };
}

function monitoring(random: Random): Monitoring | undefined {
  if (random() >= 0.25) return undefined;
  const identifiedYear = random() < 0.6 ? 2022 : 2023;
  const identifiedMonth = between(random, 1, identifiedYear === 2023 ? 4 : 12);
  const identified = `${identifiedYear}-${String(identifiedMonth).padStart(2, '0')}`;
  const risks = [pick(random, RISKS)];
  if (random() < 0.3) risks.push(pick(random, RISKS.filter((r) => r !== risks[0])));
  const m: Monitoring = { category: pick(random, CATEGORIES), risks, identified };
  if (random() < 0.5) {
    // Eliminated at least 7 months after identification, by the audit month.
    const start = identifiedYear * 12 + identifiedMonth - 1 + 7;
    const end = 2023 * 12 + 8;
    if (start <= end) {
      const at = between(random, start, end);
      m.eliminated = `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    }
  }
  return m;
}

export function makeTownship(villageCount: number, householdsPerVillage: number, seed = 20230930): Village[] {
  const random = makeRandom(seed);
  const villages: Village[] = [];
  for (let v = 0; v < villageCount; v++) {
    const name = VILLAGE_NAMES[v % VILLAGE_NAMES.length]! + (v >= VILLAGE_NAMES.length ? String(Math.floor(v / VILLAGE_NAMES.length) + 1) : '');
    const code = String(v + 1).padStart(2, '0');
    const heads = new Set<string>();
    const cadres = Array.from({ length: 12 }, () => pick(random, [...SURNAMES]) + givenName(random));
    const households: Household[] = [];
    for (let h = 1; h <= householdsPerVillage; h++) {
      let surname = '';
      let head = '';
      do {
        surname = pick(random, [...SURNAMES]);
        head = surname + givenName(random);
        if (random() < 0.5 && head.length === 2) head += pick(random, [...GIVEN]);
      } while (heads.has(head));
      heads.add(head);
      const size = householdSize(random);
      const people = members(random, surname, head, size);
      const m = monitoring(random);
      const per2023 = between(random, 7600, 16000);
      const per2022 = Math.max(7000, per2023 - between(random, -800, 1600));
      households.push({
        seq: h,
        id: `62042210${code}${String(h).padStart(6, '0')}`,
        village: name,
        head,
        cadre: cadres[h % cadres.length]!,
        householdType: m && random() < 0.5 ? '一般农户' : '脱贫户',
        monitoring: m,
        members: people,
        income: { 2022: income(random, size, per2022), 2023: income(random, size, per2023) },
      });
    }
    villages.push({ name, folder: `${code} ${name}`, code, households });
  }
  return villages;
}

export function isEliminated(household: Household): boolean {
  return household.monitoring?.eliminated !== undefined;
}

/** `2023-03-15` → `2023年3月15日`. */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
