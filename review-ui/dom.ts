/** Attributes and listeners of an element built with h(). */
export interface ElementOptions {
  readonly class?: string;
  readonly id?: string;
  readonly title?: string;
  readonly type?: string;
  readonly name?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly href?: string;
  readonly download?: string;
  readonly for?: string;
  readonly tabIndex?: number;
  readonly disabled?: boolean;
  readonly checked?: boolean;
  readonly autocomplete?: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly required?: boolean;
  readonly inputMode?: string;
  readonly dataset?: Readonly<Record<string, string>>;
  readonly on?: { readonly [event: string]: (event: Event) => void };
}

/** What h() accepts as children: nodes, or strings that become TEXT nodes (never parsed as HTML). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element. Every string child becomes a text node, and attributes are set as properties, so document
 * content (untrusted) can never become markup or script: the UI never assigns innerHTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.id) element.id = options.id;
  if (options.title) element.title = options.title;
  if (options.tabIndex !== undefined) element.tabIndex = options.tabIndex;
  const anyElement = element as unknown as Record<string, unknown>;
  for (const key of ['type', 'name', 'value', 'placeholder', 'href', 'download', 'autocomplete', 'accept', 'inputMode'] as const) {
    const value = options[key];
    if (value !== undefined) anyElement[key] = value;
  }
  if (options.for !== undefined) (element as unknown as HTMLLabelElement).htmlFor = options.for;
  for (const key of ['disabled', 'checked', 'multiple', 'required'] as const) {
    if (options[key] !== undefined) anyElement[key] = options[key];
  }
  if (options.dataset) for (const [key, value] of Object.entries(options.dataset)) element.dataset[key] = value;
  if (options.on) for (const [event, listener] of Object.entries(options.on)) element.addEventListener(event, listener);
  append(element, ...children);
  return element;
}

/** Appends children (strings as text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node & ParentNode, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A <kbd> key hint. */
export function key(label: string): HTMLElement {
  return h('kbd', {}, label);
}
