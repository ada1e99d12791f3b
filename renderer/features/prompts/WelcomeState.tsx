import { Kbd } from '../../components/Kbd';
import { LogoMark } from '../../components/LogoMark';
import { MOD_KEY } from '../../components/platform';
import './welcome.css';

const STEPS = [
  { title: 'Sample', text: 'Run the same prompt many times, not once, to see what it really does.' },
  { title: 'Compare', text: 'Sweep temperatures and models and see how much the outputs vary.' },
  { title: 'Rate', text: 'Score outputs by hand, so judgement rests on evidence.' },
  { title: 'Commit', text: 'Keep the version you approve in git, together with its evidence.' },
];

/** The main area when no prompt is open. */
export function WelcomeState() {
  return (
    <div className="welcome">
      <LogoMark size={40} />
      <h1 className="welcome__title">Select a prompt</h1>
      <p className="welcome__lead">
        Prompt Workbench treats prompts as code. Pick one from the list to see its template, inputs, test cases and
        the sweep a run will sample.
      </p>
      <ol className="welcome__steps">
        {STEPS.map((step, index) => (
          <li className="welcome__step" key={step.title}>
            <span className="welcome__step-number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <div className="welcome__step-title">{step.title}</div>
              <p className="welcome__step-text">{step.text}</p>
            </div>
          </li>
        ))}
      </ol>
      <div className="welcome__keys" aria-label="Keyboard hints">
        <span>
          <Kbd>/</Kbd> Filter
        </span>
        <span>
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> Move
        </span>
        <span>
          <Kbd>Enter</Kbd> Open
        </span>
        <span>
          <Kbd>{MOD_KEY}</Kbd>
          <Kbd>N</Kbd> New prompt
        </span>
        <span>
          <Kbd>?</Kbd> All shortcuts
        </span>
      </div>
    </div>
  );
}
