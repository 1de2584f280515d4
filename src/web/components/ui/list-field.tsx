import type { InputHTMLAttributes } from 'react';
import type { ListProps } from '../../lib/use-form';
import { FieldError } from './field-frame';
import './field.css';

type ListFieldProps = {
  list: ListProps;
  /** The group's name ("Emails") and one row's name ("Email"), used in the buttons' labels. */
  label: string;
  itemLabel: string;
  hint?: string;
  max?: number;
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'onBlur'>;
};

/** Rows of one kind of value (emails, phones, links) that can be added and removed, each with its own error. */
export function ListField({ list, label, itemLabel, hint, max = 10, input }: ListFieldProps) {
  const groupErrorId = `${list.id}-error`;
  return (
    <fieldset id={list.id} tabIndex={-1} className="field list-field" aria-describedby={list.error ? groupErrorId : undefined}>
      <legend className="field-label">{label}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {list.items.map((value, index) => {
        const id = list.itemId(index);
        const error = list.itemError(index);
        return (
          <div key={index} className={['list-field-row', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
            <label className="visually-hidden" htmlFor={id}>
              {`${itemLabel} ${index + 1}`}
            </label>
            <div className="field-control">
              <input
                id={id}
                className="input"
                value={value}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => list.setItem(index, event.target.value)}
                onBlur={() => list.blurItem(index)}
                {...input}
              />
              <button type="button" className="field-addon" onClick={() => list.remove(index)}>
                Remove<span className="visually-hidden">{` ${itemLabel.toLowerCase()} ${index + 1}`}</span>
              </button>
            </div>
            <FieldError id={`${id}-error`} error={error} />
          </div>
        );
      })}
      {list.items.length < max ? (
        <div>
          <button type="button" className="link-button" onClick={() => list.add()}>
            {list.items.length === 0 ? `Add ${itemLabel.toLowerCase()}` : `Add another ${itemLabel.toLowerCase()}`}
          </button>
        </div>
      ) : null}
      <FieldError id={groupErrorId} error={list.error} />
    </fieldset>
  );
}
