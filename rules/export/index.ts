// The export logic checks (export-checks.md), one module each, in the catalogue's order; the checks that are a
// condition over one person's row are data instead (rules/data/export-person-checks.yaml). A check is added here
// with its test (test/rules/export/<category>.test.ts) and its section in its category's doc (rules/docs/export/).
import type { Rule } from '../api.js';
import { educationDropout } from './education-dropout.js';
import { medicalUninsured } from './medical-uninsured.js';
import { housingUnsafe } from './housing-unsafe.js';
import { waterUnsafe } from './water-unsafe.js';
import { medicalCriticalIllnessMissing } from './medical-critical-illness-missing.js';
import { educationGradeAge } from './education-grade-age.js';
import { educationYuluMismatch } from './education-yulu-mismatch.js';
import { educationDropoutFlagMismatch } from './education-dropout-flag-mismatch.js';
import { educationAttainmentAge } from './education-attainment-age.js';
import { assistNoLabourNoSafetyNet } from './assist-no-labour-no-safety-net.js';
import { assistMeasureStatusMismatch } from './assist-measure-status-mismatch.js';
import { assistBelowDibaoStandard } from './assist-below-dibao-standard.js';
import { assistTekunAbleBodied } from './assist-tekun-able-bodied.js';
import { assistDisabilitySubsidyMismatch } from './assist-disability-subsidy-mismatch.js';
import { labourWorkingAgeNoCapacity } from './labour-working-age-no-capacity.js';
import { labourPublicJobIneligible } from './labour-public-job-ineligible.js';
import { labourEmploymentMeasureNoWorker } from './labour-employment-measure-no-worker.js';
import { labourCapacityAge } from './labour-capacity-age.js';
import { labourWorkerIneligible } from './labour-worker-ineligible.js';
import { labourWorkPlaceConsistency } from './labour-work-place-consistency.js';
import { labourWorkRecordInconsistent } from './labour-work-record-inconsistent.js';
import { incomeMeasureWithoutIncome } from './income-measure-without-income.js';
import { incomeWageImplausible } from './income-wage-implausible.js';
import { incomeHighAtIdentification } from './income-high-at-identification.js';
import { riskWithoutBasis } from './risk-without-basis.js';
import { riskMissing } from './risk-missing.js';
import { riskLabourShortageWithLabour } from './risk-labour-shortage-with-labour.js';
import { riskGuaranteeGapNotInRisks } from './risk-guarantee-gap-not-in-risks.js';
import { riskEmploymentNoWorker } from './risk-employment-no-worker.js';
import { riskIllnessNoMedicalCost } from './risk-illness-no-medical-cost.js';
import { elimGuaranteeGap } from './elim-guarantee-gap.js';
import { identIncomeBelowLineUnmonitored } from './ident-income-below-line-unmonitored.js';
import { identGuaranteeGapUnmonitored } from './ident-guarantee-gap-unmonitored.js';
import { elimNoLabour } from './elim-no-labour.js';
import { identBurdenedUnmonitored } from './ident-burdened-unmonitored.js';
import { elimLongUnresolved } from './elim-long-unresolved.js';
import { identVillageStale } from './ident-village-stale.js';
import { elimRecordIncomplete } from './elim-record-incomplete.js';
import { elimDatesInconsistent } from './elim-dates-inconsistent.js';
import { registryIdInvalid } from './registry-id-invalid.js';
import { registryRelationSex } from './registry-relation-sex.js';
import { registryIdDuplicate } from './registry-id-duplicate.js';
import { registryCategoryHouseholdType } from './registry-category-household-type.js';
import { registryHouseholdHead } from './registry-household-head.js';
import { registryRequiredBlank } from './registry-required-blank.js';
import { registryHouseholdFieldsDiffer } from './registry-household-fields-differ.js';
import { registryDisabilityCard } from './registry-disability-card.js';
import { registryRelationAge } from './registry-relation-age.js';
import { registryHouseholdSizeMismatch } from './registry-household-size-mismatch.js';
import { registryPhoneInvalid } from './registry-phone-invalid.js';
import { measureRiskNotAddressed } from './measure-risk-not-addressed.js';
import { measureNoDevelopmentForAble } from './measure-no-development-for-able.js';
import { measureNoneRegistered } from './measure-none-registered.js';

export const exportChecks: Rule[] = [
  educationDropout,
  medicalUninsured,
  housingUnsafe,
  waterUnsafe,
  medicalCriticalIllnessMissing,
  educationGradeAge,
  educationYuluMismatch,
  educationDropoutFlagMismatch,
  educationAttainmentAge,
  assistNoLabourNoSafetyNet,
  assistMeasureStatusMismatch,
  assistBelowDibaoStandard,
  assistTekunAbleBodied,
  assistDisabilitySubsidyMismatch,
  labourWorkingAgeNoCapacity,
  labourPublicJobIneligible,
  labourEmploymentMeasureNoWorker,
  labourCapacityAge,
  labourWorkerIneligible,
  labourWorkPlaceConsistency,
  labourWorkRecordInconsistent,
  incomeMeasureWithoutIncome,
  incomeWageImplausible,
  incomeHighAtIdentification,
  riskWithoutBasis,
  riskMissing,
  riskLabourShortageWithLabour,
  riskGuaranteeGapNotInRisks,
  riskEmploymentNoWorker,
  riskIllnessNoMedicalCost,
  elimGuaranteeGap,
  identIncomeBelowLineUnmonitored,
  identGuaranteeGapUnmonitored,
  elimNoLabour,
  identBurdenedUnmonitored,
  elimLongUnresolved,
  identVillageStale,
  elimRecordIncomplete,
  elimDatesInconsistent,
  registryIdInvalid,
  registryRelationSex,
  registryIdDuplicate,
  registryCategoryHouseholdType,
  registryHouseholdHead,
  registryRequiredBlank,
  registryHouseholdFieldsDiffer,
  registryDisabilityCard,
  registryRelationAge,
  registryHouseholdSizeMismatch,
  registryPhoneInvalid,
  measureRiskNotAddressed,
  measureNoDevelopmentForAble,
  measureNoneRegistered,
];
