/**
 * The part of `FieldProps` a field outside `useForm` does not use: these pages keep their values in plain
 * state (rows that come and go, a slot picked by a button) and check them on the server.
 */
export const ignoreBlur = (): void => undefined;
