import type { ButtonHTMLAttributes, Ref } from 'react';

/**
 * The options page's buttons: the look of ui/panel-states Button, plus the ARIA attributes
 * (aria-expanded, aria-controls) that Button does not pass through.
 */
export function OptionsButton({
  variant = 'secondary',
  className = '',
  type = 'button',
  ref,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger'; ref?: Ref<HTMLButtonElement> }) {
  const styles = {
    primary: 'bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-400',
    secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
    danger: 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
  }[variant];
  return (
    <button
      ref={ref}
      type={type}
      className={`rounded-md px-2.5 py-1 text-[13px] font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 ${styles} ${className}`}
      {...props}
    />
  );
}
