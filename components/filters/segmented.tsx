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
    <div className="inline-flex flex-wrap overflow-hidden rounded border border-border bg-background">
      {options.map((o) => (
        <label
          key={o.value}
          className={`cursor-pointer border-r border-border last:border-r-0 has-[:checked]:bg-accent has-[:checked]:text-background has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${small ? "px-2 py-1 text-xs" : "px-3 py-1.5"}`}
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
