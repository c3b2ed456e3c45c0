export {
  AGREEMENT_BASE_LABELS,
  agreementSummary,
  type TAgreementBase,
  type TAgreementFigures,
  type TAgreementSummary,
  type TAgreementSummaryInput,
  type TShare,
} from './agreement.js';
export {
  breakdownTable,
  type TBreakdownColumn,
  type TBreakdownGroup,
  type TBreakdownTable,
  type TBreakdownTableInput,
  type TShownColumn,
  type TSuppressedColumn,
} from './breakdown.js';
export type { TOptionCounts } from './counts.js';
export {
  decideDisclosure,
  pairKey,
  type TBackgroundCounts,
  type TDisclosureDecision,
  type TDisclosureInput,
  type TDisclosureReason,
} from './disclosure-control.js';
export { formatInteger, formatMargin, formatPercent, formatPoints, NO_VALUE, POINTS_UNIT } from './format.js';
export { classKey, kAnonymize, type TAnswerClass, type TKAnonymizeInput } from './k-anonymity.js';
export { compareWaves, marginOfError, responseRate, type TSample, type TWaveChange, Z_95 } from './margin.js';
export { percent, percentTenths } from './percent.js';
export {
  intervalOf,
  keepsPromise,
  protect,
  type THiddenReason,
  type TInterval,
  type TProtectionProblem,
  type TQuantity,
} from './protection.js';
export {
  canShowComments,
  canShowFilter,
  canShowGroup,
  MIN_GROUP_FLOOR,
  suppressGroups,
  type TCanShowCommentsInput,
  type TCanShowFilterInput,
  type TGroupSize,
  type TSuppressGroupsInput,
} from './suppression.js';
export { questionTable, type TQuestionTable, type TQuestionTableInput, type TTableRow } from './table.js';
