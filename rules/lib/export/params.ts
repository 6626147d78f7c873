// The export checks' parameters as typed views over `rules/data/export-checks.yaml` (merged with a county's
// `exportChecks:` section). Every age, threshold and table a check uses comes from here, never a literal.

export interface Range {
  min: number;
  max: number;
}

export interface ExportParams {
  scope: { default: string[]; checks: Record<string, string[]> };
  values: {
    yes: string[];
    no: string[];
    health: Record<'healthy' | 'chronic' | 'serious' | 'disabled', string[]>;
    schooling: Record<SchoolLevel | 'compulsory' | 'notStudent', string[]>;
    labour: Record<LabourClass, string[]>;
    dibao: string[];
    tekun: string[];
    attainment: Record<Attainment, string[]>;
    left: string[];
    categories: string[];
    householdTypes: string[];
    categoryHouseholdType: Record<string, string>;
    riskSynonyms: Record<string, string>;
    relationSynonyms: Record<string, string>;
    localJobChannels: string[];
    measureWords: Record<'dibao' | 'tekun' | 'disabilitySubsidy' | 'yulu' | 'outMigrationSubsidy' | 'labourExport', string[]>;
    eliminationByHelp: string[];
    categoriesWithinRange: string[];
    genericMeasures: string[];
  };
  compulsoryAge: Range;
  schoolYearCutoff: string;
  gradeAgeBands: Partial<Record<SchoolLevel, Range & { healthyOnly?: boolean }>>;
  attainmentAge: { tertiaryUnder: number; primaryOrLess: Range };
  yuluLevels: SchoolLevel[];
  yuluFrom: string | null;
  newbornInsuranceGraceDays: number;
  tekunWorkingAge: Range;
  ruralDibaoStandard: Record<string, number> | null;
  severeDisabilityGrades: number[];
  workingAge: Range;
  elderlyAge: number;
  minorAge: number;
  publicJob: { minAge: number; maxAge: number; maxPosts: number };
  wageMonthBounds: Range;
  wageYearFloor: number;
  identificationCeilingFactor: number;
  labourShortageShare: number;
  riskBasis: Record<string, 'ill' | 'disabled' | 'student' | 'labour'>;
  guaranteeRisk: Record<GuaranteeGap, string | null>;
  longUnresolvedMonths: number;
  villageStaleMonths: number;
  medicalBurden: { amount?: number; share?: number } | null;
  tooSoonFrom: string;
  requiredFields: {
    person: string[];
    household: string[];
    warning: string[];
    personAnyOf: string[][];
    work: string[];
    plannedWork: string[];
  };
  relationSex: { male: string[]; female: string[] };
  relationAgeGaps: {
    child: { relations: string[]; minYounger: number };
    parent: { relations: string[]; minOlder: number };
    grandchild: { relations: string[]; minYounger: number };
    spouseMinAge: number;
  };
  riskMeasures: Record<string, string[]>;
  measureGraceMonths: number;
  developmentGraceMonths: number;
  developmentMeasures: string[];
  developmentLabour: LabourClass[];
  measureColumns: string[];
}

export type SchoolLevel =
  | 'preschool'
  | 'primary'
  | 'junior'
  | 'senior'
  | 'vocational'
  | 'higherVocational'
  | 'university'
  | 'postgraduate';
export type LabourClass = 'skilled' | 'ordinary' | 'weak' | 'lost' | 'none';
export type Attainment = 'illiterate' | 'primary' | 'junior' | 'senior' | 'tertiary';
export type GuaranteeGap = 'housing-unsafe' | 'water-unsafe' | 'uninsured' | 'dropout';
