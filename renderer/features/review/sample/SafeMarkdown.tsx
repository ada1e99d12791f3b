import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { imagePlaceholder, openableHref } from './markdownPolicy';
import './markdown.css';

// Elements whose default rendering could reach outside the app are replaced. Raw HTML in the
// output stays text because react-markdown is used without rehype-raw: `<script>` shows as written.
const components: Components = {
  img: ({ alt, src }) => <span className="markdown-image">{imagePlaceholder(alt, typeof src === 'string' ? src : null)}</span>,
  a: ({ href, children }) => {
    const target = openableHref(href);
    if (!target) return <span className="markdown-link markdown-link--inert">{children}</span>;
    // The app sends target=_blank links to the OS browser; the window itself never navigates.
    return (
      <a className="markdown-link" href={target} target="_blank" rel="noreferrer noopener" title={target}>
        {children}
      </a>
    );
  },
};

/** A model's output as markdown (GitHub flavour), with no way to run script or load remote content. */
export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown selectable">
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
