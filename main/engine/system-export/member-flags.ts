// Reads a person's flags from the words exports and forms use (`义务教育`, `患有大病`, `一类低保` …).
import type { Member } from '../../../rules/api.js';

const NEGATIVE = /^(否|无|未|不|非|没有|\/|-|—|－|0$)/;

/** 是 / 享受 / 一类低保 / 单人保 … count as yes; 否 / 未享受 / 无 / blank as no. */
export function isYes(value: string | undefined): boolean {
  const s = (value ?? '').trim();
  return s !== '' && !NEGATIVE.test(s);
}

export function classifySchooling(value: string | undefined): { isStudent: boolean; isCompulsoryStudent: boolean } {
  const s = (value ?? '').replace(/\s+/g, '');
  // Words of someone not (or no longer) in school win over the school level they name (`初中已毕业`).
  if (!s || /非在校|不在校|毕业|辍学|退学|学前|幼儿|未入学|失学|^(无|否|\/|-)$/.test(s)) {
    return { isStudent: false, isCompulsoryStudent: false };
  }
  if (/义务教育|小学|初中|九年/.test(s)) return { isStudent: true, isCompulsoryStudent: true };
  if (/高中|中职|高职|中专|技校|职高|大学|本科|专科|大专|研究生|硕士|博士|在校/.test(s)) {
    return { isStudent: true, isCompulsoryStudent: false };
  }
  return { isStudent: false, isCompulsoryStudent: false };
}

export function isSeriousIllness(health: string | undefined): boolean {
  const s = health ?? '';
  return /大病/.test(s) && !/(无|非|没有)大病/.test(s);
}

function mentionsDisability(text: string | undefined): boolean {
  const s = (text ?? '').trim();
  return /残疾/.test(s) && !/(无|非|没有|不)残疾/.test(s);
}

/** A disability-card number is the ID number with a 2- or 4-digit suffix (20 or 22 characters, masked or not). */
export function hasDisabilityCardNumber(id: string | undefined): boolean {
  const s = (id ?? '').normalize('NFKC').replace(/\s+/g, '');
  return /^[0-9Xx*＊]{20}$|^[0-9Xx*＊]{22}$/.test(s);
}

export interface PersonFields {
  name: string;
  idNumber?: string;
  relation?: string;
  health?: string;
  disability?: string;
  schooling?: string;
  dibao?: string;
  tekun?: string;
}

/** A member from one row of a person table, whichever table it is (export roster or 家庭基本情况表). */
export function buildMemberFromRow(cell: (column: string) => string, name = cell('姓名')): Member {
  return buildMember({
    name,
    idNumber: cell('证件号码'),
    relation: cell('与户主关系'),
    health: cell('健康状况'),
    disability: cell('残疾类别'),
    schooling: cell('在校生状况'),
    dibao: cell('是否享受低保'),
    tekun: cell('是否特困供养'),
  });
}

export function buildMember(fields: PersonFields): Member {
  const schooling = classifySchooling(fields.schooling);
  const clean = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);
  const member: Member = {
    name: fields.name.trim(),
    ...schooling,
    isSeriouslyIll: isSeriousIllness(fields.health),
    isDisabled:
      mentionsDisability(fields.health) ||
      (isYes(fields.disability) && !/^(健康|正常)$/.test(fields.disability!.trim())) ||
      hasDisabilityCardNumber(fields.idNumber),
    hasDibao: isYes(fields.dibao),
    hasTekun: isYes(fields.tekun),
  };
  const idNumber = clean(fields.idNumber);
  const relation = clean(fields.relation);
  const health = clean(fields.health);
  const schoolingText = clean(fields.schooling);
  if (idNumber) member.idNumber = idNumber;
  if (relation) member.relation = relation;
  if (health) member.health = health;
  if (schoolingText) member.schooling = schoolingText;
  return member;
}
