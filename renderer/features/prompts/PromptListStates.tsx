// What the sidebar shows when there is no list to show.
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FileIcon, SearchIcon } from '../../components/icons';

export function NoPromptsYet({ workspacePath }: { workspacePath: string | undefined }) {
  const folder = workspacePath ? `${workspacePath.replace(/[\\/]+$/, '')}/prompts/` : '<workspace>/prompts/';
  return (
    <EmptyState compact icon={<FileIcon size={16} />} title="No prompts yet">
      <p>Each prompt is a Dotprompt file in the workspace:</p>
      <code className="sidebar-code selectable" title={`${folder}*.prompt`}>
        {folder}*.prompt
      </code>
      <p>Add one there, with optional test cases beside it in a .cases.yaml file, and it appears here.</p>
    </EmptyState>
  );
}

export function NoMatches({ query }: { query: string }) {
  return (
    <EmptyState
      compact
      icon={<SearchIcon size={16} />}
      title="No matching prompts"
      actions={
        <Button onClick={() => uiActions.setPromptFilter('')}>
          Clear filter
        </Button>
      }
    >
      <p>
        Nothing matches “<span className="sidebar-query">{query.trim()}</span>” in a name, description or model.
      </p>
    </EmptyState>
  );
}
