"use client";

type Option<V extends string> = { value: V; label: string };

/** A row of radio buttons styled as a segmented control (arrow keys move between options). */
export function Segmented<V extends string>({
  name,
  value,
  options,
  onChange,
  small = false,
}: {
  name: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (v: V) => void;
  small?: boolean;
}) {
  return (
    // On a phone the options stack as one column instead of wrapping into a ragged block.
    <div className="flex w-full flex-col overflow-hidden rounded border border-border bg-background sm:inline-flex sm:w-auto sm:flex-row">
      {options.map((o) => (
        <label
          key={o.value}
          className={`cursor-pointer border-b border-border last:border-b-0 sm:border-b-0 sm:border-r sm:last:border-r-0 has-[:checked]:bg-accent has-[:checked]:text-background has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${small ? "px-2 py-1 text-xs" : "px-3 py-1.5"}`}
        >
          <input
            type="radio"
            className="sr-only"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
