import type { Ref } from 'react';

/** A labelled password input, as the sign-in and change-password forms use it. */
export function PasswordField(props: {
  label: string;
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  name?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        ref={props.ref}
        data-testid={props.testId}
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}
