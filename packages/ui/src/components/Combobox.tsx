import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { useFieldControl } from "./Field.tsx";

export type ComboboxItem = {
  id: string;
  label: string;
  /** Second line: a path, a code. */
  detail?: string;
  /** Small tag after the label, e.g. "Recent". */
  badge?: string;
};

export type ComboboxProps = {
  /** Selected item id, or "" for none. */
  value: string;
  /** Text shown in the box while the user is not typing (the selected item's label). */
  selectedLabel: string;
  /** Items for a query, best first; called with "" when the list opens without typing. */
  search: (query: string) => readonly ComboboxItem[];
  onChange: (id: string) => void;
  /** Accessible name of the list of options. */
  listLabel: string;
  /** Shown in the list when nothing matches. */
  noResults: string;
  /** Announced politely when the number of options changes ("5 results"). */
  resultsLabel?: (count: number) => string;
  id?: string;
  name?: string;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
  maxResults?: number;
};

/**
 * Search-as-you-type select following the WAI-ARIA combobox pattern (list autocomplete): typing
 * filters, ↓/↑ move through the options, Enter picks, Escape closes and restores the selection,
 * Tab picks the highlighted option after typing (fast data entry) and moves on. Focus stays in
 * the text box; the highlighted option is conveyed with aria-activedescendant.
 */
export function Combobox(props: ComboboxProps) {
  const { value, selectedLabel, search, onChange, listLabel, noResults, resultsLabel, maxResults = 50 } = props;
  const wiring = useFieldControl();
  const generated = useId();
  const inputId = props.id ?? wiring.id ?? `combobox${generated}`;
  const listId = `${inputId}-listbox`;
  // null: not typing, the box shows the selected label.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [navigated, setNavigated] = useState(false);
  /** Typed text that matches nothing, kept in the box (with a note) when focus leaves it. */
  const [unmatched, setUnmatched] = useState(false);

  const items = useMemo(() => (open ? search(query ?? "").slice(0, maxResults) : []), [open, search, query, maxResults]);
  const activeItem = active >= 0 ? items[active] : undefined;

  useEffect(() => {
    if (open && active >= 0) {
      document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: "nearest" });
    }
  }, [open, active, listId]);

  const close = (how: "leave" | "escape" = "leave") => {
    if (how === "leave" && query !== null && query.trim() !== "" && search(query).length === 0) {
      // Text that matches nothing is not thrown away silently: it stays with a note, and no
      // selection is left standing behind other text.
      if (value !== "") {
        onChange("");
      }
      setOpen(false);
      setActive(-1);
      setNavigated(false);
      setUnmatched(true);
      return;
    }
    setUnmatched(false);
    // Emptying the box and leaving it clears the selection.
    if (query !== null && query.trim() === "" && value !== "") {
      onChange("");
    }
    setOpen(false);
    setQuery(null);
    setActive(-1);
    setNavigated(false);
  };
  const pick = (item: ComboboxItem) => {
    setUnmatched(false);
    onChange(item.id);
    setOpen(false);
    setQuery(null);
    setActive(-1);
    setNavigated(false);
  };
  const openList = (typed: string | null) => {
    const list = search(typed ?? "").slice(0, maxResults);
    setOpen(true);
    const selectedIndex = list.findIndex((item) => item.id === value);
    setActive(typed ? (list.length > 0 ? 0 : -1) : Math.max(selectedIndex, 0));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) {
      return;
    }
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!open) {
          openList(query);
          return;
        }
        if (items.length > 0) {
          const step = event.key === "ArrowDown" ? 1 : -1;
          setActive((current) => (current < 0 ? (step > 0 ? 0 : items.length - 1) : (current + step + items.length) % items.length));
          setNavigated(true);
        }
        return;
      }
      case "Enter":
        if (open) {
          event.preventDefault();
          if (activeItem) {
            pick(activeItem);
          }
        }
        return;
      case "Escape":
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          close("escape");
        }
        return;
      case "Tab":
        if (open && activeItem && (navigated || (query ?? "").trim() !== "")) {
          pick(activeItem);
        } else {
          close();
        }
        return;
      default:
    }
  };

  const described = [wiring["aria-describedby"], `${inputId}-status`].filter(Boolean).join(" ");
  return (
    <div className="combobox">
      <input
        {...wiring}
        id={inputId}
        name={props.name}
        type="text"
        className="input combobox__input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeItem ? `${listId}-${active}` : undefined}
        aria-describedby={described}
        autoComplete="off"
        spellCheck={false}
        placeholder={props.placeholder}
        disabled={props.disabled}
        data-testid={props.testId}
        data-value={value}
        value={query ?? selectedLabel}
        onChange={(event) => {
          setQuery(event.target.value);
          setUnmatched(false);
          setNavigated(false);
          openList(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onClick={() => (open ? undefined : openList(query))}
        onBlur={() => close()}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        className="combobox__list"
        hidden={!open}
        // Keep focus in the text box when an option is clicked.
        onMouseDown={(event) => event.preventDefault()}
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? "combobox__option combobox__option--active" : "combobox__option"}
            data-value={item.id}
            onClick={() => pick(item)}
          >
            <span className="combobox__label">
              {item.label}
              {item.badge ? <span className="combobox__badge">{item.badge}</span> : null}
            </span>
            {item.detail ? <span className="combobox__detail">{item.detail}</span> : null}
          </li>
        ))}
        {open && items.length === 0 ? (
          <li className="combobox__empty" role="presentation">
            {noResults}
          </li>
        ) : null}
      </ul>
      <p id={`${inputId}-status`} className="visually-hidden" role="status">
        {open && resultsLabel ? resultsLabel(items.length) : ""}
      </p>
      {unmatched && query ? (
        <p className="combobox__unmatched" data-testid={props.testId ? `${props.testId}-unmatched` : undefined}>
          {noResults}
        </p>
      ) : null}
    </div>
  );
}
