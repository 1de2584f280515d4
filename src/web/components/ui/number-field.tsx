import { TextField, type TextFieldProps } from './text-field';

/** The bounds of a number as a shared contract states them (a Zod number schema has both). */
export type NumberRange = { minValue: number | null; maxValue: number | null };

type NumberFieldProps = Omit<TextFieldProps, 'type' | 'min' | 'max'> & {
  /** The contract's number (`advisorSettingsBody.shape.bufferMinutes`), so the input and the server agree. */
  range?: NumberRange;
  min?: number;
  max?: number;
};

const finite = (value: number | null | undefined) => (value === null || value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);

/** A labelled number input (whole numbers unless `step` says otherwise): the number keypad on phones, its bounds from the contract when given. */
export function NumberField({ range, min, max, ...field }: NumberFieldProps) {
  return <TextField type="number" inputMode="numeric" step={1} min={min ?? finite(range?.minValue)} max={max ?? finite(range?.maxValue)} {...field} />;
}
