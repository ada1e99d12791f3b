// The entry of the `prompt-workbench/tasks` package export (bundled to dist/tasks/tasks.js): what
// an application imports. Its types are types/tasks.d.ts; this file is checked against them.
import type * as Public from '../../../types/tasks';
import { TaskCallError, TaskInputError, TaskOutputError } from './taskErrors';
import { openTasks } from './taskRuntime';

const declared: {
  openTasks: typeof Public.openTasks;
  TaskInputError: typeof Public.TaskInputError;
  TaskOutputError: typeof Public.TaskOutputError;
  TaskCallError: typeof Public.TaskCallError;
} = { openTasks, TaskInputError, TaskOutputError, TaskCallError };

export default declared;
export { openTasks, TaskCallError, TaskInputError, TaskOutputError };
