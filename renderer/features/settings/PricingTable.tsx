import { useState } from 'react';
import type { PriceEntry } from '../../../shared/pricing';
import { useSetSetting } from '../../api/providerQueries';
import { useLeaveGuard } from '../../app/leaveGuard';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { builtInPricesNotOverridden, overridesBuiltIn, parsePriceDrafts, toDrafts, type PriceDraft } from './pricingRows';

/** Dollars per million tokens by model pattern: your prices (editable) above the built-in ones. */
export function PricingTable({ saved }: { saved: readonly PriceEntry[] }) {
  const [drafts, setDrafts] = useState<PriceDraft[]>(() => toDrafts(saved));
  const save = useSetSetting();
  const parsed = parsePriceDrafts(drafts);
  const dirty = JSON.stringify(drafts) !== JSON.stringify(toDrafts(saved));
  const defaults = builtInPricesNotOverridden(drafts.map((draft) => draft.pattern));
  useLeaveGuard(dirty, 'your price edits');

  const edit = (index: number, patch: Partial<PriceDraft>) => {
    setDrafts((rows) => rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
    save.reset();
  };
  const add = (draft: PriceDraft) => {
    setDrafts((rows) => [...rows, draft]);
    save.reset();
  };

  return (
    <div className="pricing settings-card">
      <table className="data-table pricing__table">
        <thead>
          <tr>
            <th scope="col">Model or prefix*</th>
            <th scope="col" className="pricing__number">
              Input $ / 1M
            </th>
            <th scope="col" className="pricing__number">
              Output $ / 1M
            </th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft, index) => {
            const problem = parsed.problems.get(index);
            return (
              <tr key={index} className="pricing__row pricing__row--user">
                <td>
                  <input
                    className="input input--mono pricing__input"
                    value={draft.pattern}
                    aria-label="Model pattern"
                    aria-invalid={problem !== undefined}
                    placeholder="provider/model or provider/*"
                    onChange={(event) => edit(index, { pattern: event.target.value })}
                  />
                  {problem && <span className="field__error">{problem}</span>}
                </td>
                <td className="pricing__number">
                  <input className="input input--mono pricing__input pricing__input--number" inputMode="decimal" value={draft.input} aria-label={`Input price for ${draft.pattern || 'new row'}`} onChange={(event) => edit(index, { input: event.target.value })} />
                </td>
                <td className="pricing__number">
                  <input className="input input--mono pricing__input pricing__input--number" inputMode="decimal" value={draft.output} aria-label={`Output price for ${draft.pattern || 'new row'}`} onChange={(event) => edit(index, { output: event.target.value })} />
                </td>
                <td className="pricing__source">{overridesBuiltIn(draft.pattern) ? 'Yours (overrides built-in)' : 'Yours'}</td>
                <td className="pricing__actions">
                  <Button variant="ghost" className="button--icon button--sm" aria-label={`Remove ${draft.pattern || 'row'}`} title="Remove (the built-in price, if any, applies again)" onClick={() => setDrafts((rows) => rows.filter((_, at) => at !== index))}>
                    <TrashIcon size={13} />
                  </Button>
                </td>
              </tr>
            );
          })}
          {defaults.map((row) => (
            <tr key={row.pattern} className="pricing__row pricing__row--default">
              <td>
                <code>{row.pattern}</code>
              </td>
              <td className="pricing__number">{row.inputPerMTok}</td>
              <td className="pricing__number">{row.outputPerMTok}</td>
              <td className="pricing__source">Built-in</td>
              <td className="pricing__actions">
                <Button variant="ghost" className="button--sm" onClick={() => add({ pattern: row.pattern, input: String(row.inputPerMTok), output: String(row.outputPerMTok) })}>
                  Override
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="pricing__footer">
        <Button onClick={() => add({ pattern: '', input: '', output: '' })}>
          <PlusIcon size={13} />
          Add a price
        </Button>
        <span className="pricing__note">* A pattern ending in * matches every model starting with it; an exact id wins over a prefix.</span>
        {save.isError && (
          <span className="field__error" role="alert">
            {errorMessage(save.error)}
          </span>
        )}
        {dirty && (
          <>
            <Button variant="ghost" onClick={() => setDrafts(toDrafts(saved))}>
              Discard
            </Button>
            <Button
              variant="primary"
              disabled={parsed.entries === null || save.isPending}
              onClick={() => parsed.entries && save.mutate({ key: 'pricing', value: parsed.entries })}
            >
              {save.isPending ? 'Saving…' : 'Save prices'}
            </Button>
          </>
        )}
      </footer>
    </div>
  );
}
