export {
  type TAdministrator,
  type TAdminRole,
  type TAuditEvent,
  type TMeResponse,
  type TSetupLinkResponse,
  ZAdministrator,
  ZAdministratorIdParams,
  ZAdminRole,
  ZAuditEvent,
  ZChangePasswordRequest,
  ZCreateAdministratorRequest,
  ZEmail,
  ZListAdministratorsResponse,
  ZListAuditEventsQuery,
  ZListAuditEventsResponse,
  ZLoginRequest,
  ZMeResponse,
  ZPassword,
  ZSetupLinkResponse,
  ZSetupPasswordRequest,
  ZUpdateAdministratorRequest,
} from './admin.js';
export { anonymityStatement } from './anonymity.js';
export { answersSchemaFor, type TAnswers, type TAnswerValue, ZAnswerValue } from './answers.js';
export { wordingChanges } from './compare.js';
export {
  exportQuestionSet,
  importQuestionSet,
  MAX_IMPORT_BYTES,
  QUESTION_SET_SCHEMA_VERSION,
  type TImportResult,
  type TQuestionSetDocument,
  ZQuestionSetDocument,
} from './document.js';
export { type THealthResponse, ZHealthResponse } from './health.js';
export { AGREEMENT_PRESETS, agreementOptions, type TAgreementPreset } from './presets.js';
export {
  PROBLEM_CONTENT_TYPE,
  type TProblem,
  type TProblemCode,
  type TProblemField,
  ZProblem,
  ZProblemCode,
  ZProblemField,
} from './problem.js';
export {
  DEFAULT_FREE_TEXT_MAX,
  questionsOf,
  type TChoiceQuestion,
  type TLanguage,
  type TOption,
  type TOptionRole,
  type TQuestion,
  type TQuestionSet,
  type TQuestionSetInput,
  type TQuestionType,
  type TSection,
  ZLanguage,
  ZOption,
  ZQuestion,
  ZQuestionSet,
  ZSection,
  ZStableId,
} from './question-set.js';
export { type TSurveySeries, ZCreateSurveySeriesRequest, ZListSurveySeriesResponse, ZSurveySeries } from './series.js';
export { BUILT_IN_TEMPLATES, TEMPLATE_2012, type TTemplateId } from './template-2012.js';
export {
  MIN_GROUP_DEFAULT,
  type TSeriesDetail,
  type TWave,
  type TWaveSettings,
  ZAccessMode,
  ZCreateSeriesWithWaveRequest,
  ZRerunRequest,
  ZRevisionRequest,
  ZSaveQuestionSetRequest,
  ZSaveWaveSettingsRequest,
  ZSeriesDetail,
  ZSeriesSource,
  ZTemplateList,
  ZWave,
  ZWaveIdParams,
  ZWaveSettings,
  ZWaveState,
  ZWaveSummary,
} from './wave.js';
