/** A screen of the UI: its root element, its keyboard handler, and cleanup when leaving it. */
export interface View {
  readonly element: HTMLElement;
  /** Handles a key pressed outside text inputs; returns true when the key was used. */
  onKey?(event: KeyboardEvent): boolean;
  /** Called when another view replaces this one. */
  dispose?(): void;
}
