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
export { type THealthResponse, ZHealthResponse } from './health.js';
export {
  PROBLEM_CONTENT_TYPE,
  type TProblem,
  type TProblemCode,
  type TProblemField,
  ZProblem,
  ZProblemCode,
  ZProblemField,
} from './problem.js';
export { type TSurveySeries, ZCreateSurveySeriesRequest, ZListSurveySeriesResponse, ZSurveySeries } from './series.js';
