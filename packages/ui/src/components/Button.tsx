import type { ComponentProps } from "react";

/** Native button props (including `ref`, React 19) plus the house variants. */
export type ButtonProps = ComponentProps<"button"> & {
  variant?: "primary" | "secondary" | "ghost";
  /** Shows the button as busy and ignores clicks while keeping it focusable. */
  busy?: boolean;
};

export function Button({ variant = "primary", busy = false, type = "button", className, onClick, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={["button", `button--${variant}`, className].filter(Boolean).join(" ")}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...props}
    />
  );
}
