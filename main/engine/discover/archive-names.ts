// How folders in a township archive are named: villages, household folders, numbering.
import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A name as stored (a file system's or a zip entry's bytes): UTF-8 if it is valid UTF-8, else GBK read as GB18030 —
 * folders copied from old Windows machines, and zips made there, hold GBK names. The walk opens such a file by its
 * bytes, so the name's encoding never makes a file unreadable.
 */
export function decodeFileName(raw: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: strictUtf8.decode(raw), utf8: true };
  } catch {
    return { name: iconv.decode(raw, 'gb18030'), utf8: false };
  }
}

/** Numbering clerks put before names: `01`, `0001_`, `1.`, `（一）`, `一、`, `①`, `第一部分`. */
const numberingPrefix =
  /^(?:[\s\d０-９]+[\s._、．\-－—)）]*|[（(][\d０-９一二三四五六七八九十]+[)）][\s、．.]*|[一二三四五六七八九十]+[、．.]\s*|[①-⑳]\s*|第[一二三四五六七八九十\d]+(?:部分|类|项|册)?[\s、．.]*)+/u;

export function stripNumbering(name: string): string {
  return name.replace(numberingPrefix, '').trim();
}

/** NFKC, no spaces or punctuation: the form names are compared in. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

const villageSuffix = /^(\p{Script=Han}{1,8}?(?:村|社区))(?:村委会|委会|村民委员会|居委会|档案|资料|台账|户档)*(?:[\s(（].*)?$/u;
const notVillage = /^(?:行政村|自然村|各村|本村|全村|村级|村户|村委|村两委|村内|村集体)/u;

/** The village's name if the folder is a village's (`01 红星村`, `01红星村`, `红星村委会`), else null. */
export function readVillageName(folderName: string): string | null {
  const name = stripNumbering(folderName.normalize('NFKC')).replace(/\.zip$/i, '');
  if (notVillage.test(name)) return null;
  const m = villageSuffix.exec(name);
  if (!m) return null;
  const village = m[1]!;
  return village.length >= 2 ? village : null;
}

// Common single-character surnames (about 99% of the population) and compound ones.
const surnames = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阎浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由').split(''),
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟'];

/** Words that make a folder name a category or a document, never a person. */
const notPersonWords =
  /(?:户档|档案|资料|台账|程序|照片|材料|目录|清单|名册|花名|表|卡|证|册|记录|计划|汇总|系统|导出|公示|申请|核查|评议|审核|审定|明白|收入|其他|补充|补交|备份|新建|附件|扫描|复印|图片|监测|脱贫|低保|特困|一般|边缘|村|镇|乡|县|组|社)/u;

export function isPersonName(text: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(text)) return false;
  if (notPersonWords.test(text)) return false;
  if (compoundSurnames.some((s) => text.startsWith(s)) && text.length >= 3) return true;
  return surnames.has(text[0]!);
}

const idLike = /[0-9Xx*＊×]{15,22}/;

export interface HouseholdFolderName {
  head: string;
  idHint?: string;
}

/**
 * The household head if the folder is a household's: `0001_张三`, `张三户`, `王五户（620422********5678）`,
 * `户主：张三`, `张三家庭档案`, `张三-620422…`. Null otherwise.
 */
export function readHouseholdFolderName(folderName: string): HouseholdFolderName | null {
  let name = stripNumbering(folderName.normalize('NFKC')).replace(/\.zip$/i, '');
  const id = idLike.exec(name)?.[0];
  name = name
    .replace(/[(（【[].*?[)）】\]]/g, '')
    .replace(idLike, '')
    .replace(/^户主[:：]?/, '')
    .replace(/[\s_\-—－·.]+/g, '')
    .replace(/(?:户内档案|家庭档案|户档案|户档|档案|资料|户|家)$/u, '');
  if (!isPersonName(name)) return null;
  return id ? { head: name, idHint: id } : { head: name };
}

/** `脱贫户` / `监测户` when a category folder between the village and the household says so. */
export function readCategory(folderName: string): string | undefined {
  const name = stripNumbering(folderName.normalize('NFKC'));
  if (/监测|边缘|不稳定|突发|三类户/.test(name)) return '监测户';
  if (/脱贫户|脱贫人口/.test(name)) return '脱贫户';
  return undefined;
}

/** Office lock files and system clutter never worth a finding. */
export function isIgnoredFile(name: string): boolean {
  return (
    name.startsWith('~$') ||
    name.startsWith('.') ||
    /^(?:thumbs\.db|desktop\.ini|\.ds_store)$/i.test(name) ||
    /\.(?:tmp|lnk)$/i.test(name)
  );
}
