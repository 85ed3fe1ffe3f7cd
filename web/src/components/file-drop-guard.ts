// A file dropped outside a drop target («Adjuntos») must not make the browser open it and leave
// the app (QA: Chromium navigated to the file, and what was on the page went with it). The rule
// is kept free of the DOM so it is unit-tested; the app shell puts it on the window.

/** What the guard reads of a dragover or drop event that reached the window. */
export interface DragFacts {
  /** `dataTransfer.types`: 'Files' when files are dragged (text or a link is left alone). */
  readonly types: readonly string[];
  /** A drop target on the way (the «Adjuntos» card) already took the event. */
  readonly defaultPrevented: boolean;
  /** The event is over an `<input type="file">`, which takes a dropped file by itself. */
  readonly overFileInput: boolean;
}

/** Whether the browser's default (opening the dropped file) must be prevented. */
export function blocksFileDrop(facts: DragFacts): boolean {
  return facts.types.includes('Files') && !facts.defaultPrevented && !facts.overFileInput;
}
