import { ZProblem } from '@enkat/survey-schema';

/** The problem+json answers an administrator route may give, for its OpenAPI description. */
export const ADMIN_PROBLEMS = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  422: ZProblem,
};
