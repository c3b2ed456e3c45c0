export { redactUrl } from './database.js';
export { StartError } from './errors.js';
export { startPlatform, type TPlatformOptions, type TRunningPlatform } from './platform.js';
