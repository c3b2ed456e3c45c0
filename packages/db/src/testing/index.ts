export { startThrowawayDatabase, type TThrowawayDatabase } from './throwaway-database.js';
