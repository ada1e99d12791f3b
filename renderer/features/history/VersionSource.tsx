import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { usePromptAtVersion } from '../../api/versionQueries';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { SourceEditor } from '../../components/sourceEditor/LazySourceEditor';
import { useDraft, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';
import { WORKING } from './VersionList';

type File = 'prompt' | 'cases';

/** A version's files as they were, read-only (the draft's as they are now). */
export function VersionSource({ prompt, selected }: { prompt: PromptDetail; selected: string }) {
  const [file, setFile] = useState<File>('prompt');
  const draft = useDraft(usePromptDraftsContext().source);
  const version = usePromptAtVersion(prompt.name, selected === WORKING ? null : selected);
  const source = selected === WORKING ? draft.value : version.data?.source;
  const casesSource = selected === WORKING ? prompt.casesSource : version.data?.casesSource;

  if (selected !== WORKING && version.isPending) return <Skeleton width="100%" height={240} />;
  if (selected !== WORKING && version.isError) {
    return <ErrorState compact title="Couldn’t read this version" error={version.error} onRetry={() => void version.refetch()} />;
  }
  const text = file === 'prompt' ? (source ?? '') : (casesSource ?? '');
  return (
    <div className="version-source">
      <div className="segmented segmented--files" role="group" aria-label="File">
        <button type="button" aria-pressed={file === 'prompt'} onClick={() => setFile('prompt')}>
          {prompt.name}.prompt
        </button>
        <button type="button" aria-pressed={file === 'cases'} onClick={() => setFile('cases')}>
          {prompt.name}.cases.yaml
        </button>
      </div>
      {file === 'cases' && !casesSource ? (
        <p className="history__note">This version has no cases file.</p>
      ) : (
        <div className="version-source__editor">
          <SourceEditor
            key={file}
            value={text}
            readOnly
            language={file === 'prompt' ? 'prompt' : 'yaml'}
            label={`Source of ${prompt.name}.${file === 'prompt' ? 'prompt' : 'cases.yaml'} at this version`}
          />
        </div>
      )}
    </div>
  );
}
