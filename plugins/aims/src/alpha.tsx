/**
 * AIMS for the new frontend system: the plugin is the default export; its extensions are
 * defined by kind under `./alpha/`.
 *
 * @packageDocumentation
 */
import { aimsPlugin } from './alpha/plugin';

export default aimsPlugin;
