import { TextField, type TextFieldProps } from '../../components/ui/text-field';
import { browserTimeZone } from './zoned-time';

type TimeZoneFieldProps = Omit<TextFieldProps, 'autoComplete' | 'spellCheck'> & {
  /** Sets the field to a zone (the one this device is in), as a choice in one tap. */
  onUse: (zone: string) => void;
};

/** A time zone as its IANA name ("Europe/Berlin"), with this device's zone one tap away when it differs. */
export function TimeZoneField({ onUse, ...field }: TimeZoneFieldProps) {
  const here = browserTimeZone();
  return (
    <div className="zone-field">
      <TextField autoComplete="off" spellCheck={false} autoCapitalize="none" {...field} />
      {field.value.trim() !== here ? (
        <p>
          <button type="button" className="link-button" onClick={() => onUse(here)}>
            Use this device’s zone ({here})
          </button>
        </p>
      ) : null}
    </div>
  );
}
