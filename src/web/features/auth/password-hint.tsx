import { PASSWORD_MIN_LENGTH, passwordLength } from '../../../shared/domain/password-policy';

/** The live hint under a new-password field: the rule, and how far along the typed password is. */
export function PasswordHint({ value }: { value: string }) {
  const length = passwordLength(value);
  const left = PASSWORD_MIN_LENGTH - length;
  return (
    <span className="password-meter">
      <span>At least {PASSWORD_MIN_LENGTH} characters; a short phrase works well.</span>
      {value === '' ? null : left > 0 ? (
        <span className="password-meter-count">{left === 1 ? '1 more character to go.' : `${left} more characters to go.`}</span>
      ) : (
        <span className="password-meter-count password-meter-count--ok">Long enough.</span>
      )}
    </span>
  );
}
