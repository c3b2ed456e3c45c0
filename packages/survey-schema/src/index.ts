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
