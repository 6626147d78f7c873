import type { ArchiveFile, Household, Rule } from './api.js';
import { groupSimilarOwners, shingles } from './lib/ngram-similarity.js';
import { householdNames, readPlanMeasures } from './lib/plan-measures.js';

const planItem = '一户一策帮扶计划';
const shownNames = 5;

export const templatePlan: Rule = {
  meta: {
    id: 'template-plan',
    name: '一户一策雷同',
    severity: 'warning',
    description: '一户一策帮扶计划的帮扶措施与其他户几乎一字不差，疑似套用模板、未因户施策',
    messages: {
      similar: '一户一策帮扶计划的帮扶措施与{others}的几乎相同（相似度 {similarity}），疑似套用模板',
    },
    options: {
      threshold: { name: '视为照抄的相似度（0–1）', default: 0.9, threshold: 'templateSimilarity' },
      // Measures shorter than this (after names, dates and numbers are removed) are too short to judge.
      minChars: { name: '参与比较的最少字数', default: 20 },
      ngram: { name: '比较用的字组长度', default: 2 },
    },
  },
  check(model, ctx) {
    const threshold = Number(ctx.options.threshold);
    const minChars = Number(ctx.options.minChars);
    const n = Number(ctx.options.ngram);

    const households: Household[] = [];
    const plans: ArchiveFile[] = [];
    const sets: string[][] = [];
    const owners: number[] = [];
    for (const village of model.villages) {
      for (const household of village.households) {
        const files = household.files.filter(
          (f) => f.content && !f.content.isScan && f.matches.some((m) => m.item === planItem && !m.step),
        );
        if (files.length === 0) continue;
        const owner = households.push(household) - 1;
        const names = householdNames(household);
        for (const file of files) {
          const measures = readPlanMeasures(file, names);
          if ([...measures].length < minChars) continue;
          plans.push(file);
          sets.push(shingles(measures, n));
          owners.push(owner);
        }
      }
    }
    const { groups, best, bestText } = groupSimilarOwners(sets, owners, households.length, threshold);

    for (const group of groups) {
      for (const owner of group) {
        const household = households[owner];
        const others = group
          .filter((o) => o !== owner)
          .map((o) => households[o])
          .map((h) => (h.village === household.village ? h.head : `${h.head}（${h.village}）`));
        const similarity = Math.round(best[owner] * 100) / 100;
        const shown = others.slice(0, shownNames).join('、') + (others.length > shownNames ? `等 ${others.length} 户` : '');
        ctx.report({
          messageId: 'similar',
          data: { others: shown, similarity: similarity.toFixed(2) },
          village: household.village,
          household: household.head,
          path: plans[bestText[owner]].path,
          details: { households: others, similarity },
          keyParts: [],
        });
      }
    }
  },
};
